namespace Emulators.Spacelift.Graph;

/// <summary>
/// The part of Spacelift's schema the emulator serves, reconstructed from the queries Spacelift's own
/// clients send (spacectl, the Terraform provider, the API docs); names and nullability follow
/// docs/spacelift-api.md. Input type names matter: clients declare variables as <c>SearchInput!</c>,
/// <c>RunType</c>, <c>RuntimeConfigInput</c>, <c>ForceApplyMode</c>.
/// </summary>
internal static class SpaceliftSdl
{
    public const string Text = """
        type Query {
          viewer: User
          stacks: [Stack!]!
          stack(id: ID!): Stack
          searchStacks(input: SearchInput!): StacksConnection!
          runStack(runId: ID!): Stack
          namedWebhooksIntegration(id: ID!): NamedWebhooksIntegration
          policy(id: ID!): Policy
          policies: [Policy!]!
        }

        type Mutation {
          apiKeyUser(id: ID!, secret: String!): User
          runTrigger(stack: ID!, commitSha: String, runType: RunType, runtimeConfig: RuntimeConfigInput, forceApply: ForceApplyMode): Run!
          namedWebhooksIntegrationCreate(input: NamedWebhooksIntegrationInput!): NamedWebhooksIntegration!
          namedWebhooksIntegrationUpdate(id: ID!, input: NamedWebhooksIntegrationInput!): NamedWebhooksIntegration!
          namedWebhooksIntegrationDelete(id: ID!): NamedWebhooksIntegration
          policyCreatev2(input: PolicyCreateInput!): Policy!
          policyUpdatev2(id: ID!, input: PolicyUpdateInput!): Policy!
          policyDelete(id: ID!, force: Boolean): Policy
        }

        input NamedWebhooksIntegrationInput {
          enabled: Boolean!
          endpoint: String!
          space: ID!
          name: String!
          secret: String
          labels: [String!]!
          retryOnFailure: Boolean
        }

        type NamedWebhooksIntegration {
          id: ID!
          enabled: Boolean!
          endpoint: String!
          space: Space!
          name: String!
          secret: String!
          secretHeaders: [String!]!
          labels: [String!]!
          retryOnFailure: Boolean!
        }

        enum PolicyType { ACCESS APPROVAL GIT_PUSH INITIALIZATION INTENT LOGIN NOTIFICATION PLAN TASK TRIGGER }

        enum PolicyEngineType { REGO_V0 REGO_V1 }

        input PolicyCreateInput {
          name: String!
          body: String!
          type: PolicyType!
          labels: [String!]
          space: ID
          description: String
          engineType: PolicyEngineType
        }

        input PolicyUpdateInput {
          name: String!
          body: String!
          labels: [String!]
          space: ID
          description: String
          engineType: PolicyEngineType
        }

        type Policy {
          id: ID!
          labels: [String!]!
          name: String!
          body: String!
          type: PolicyType!
          space: ID!
          description: String
          engineType: PolicyEngineType!
        }

        type User {
          id: ID!
          name: String!
          jwt: String!
          validUntil: Int!
        }

        input SearchInput {
          first: Int
          after: String
          fullTextSearch: String
          predicates: [QueryPredicate!]
          orderBy: QueryOrder
        }

        input QueryPredicate {
          field: String!
          constraint: QueryFieldConstraint!
          exclude: Boolean
        }

        input QueryFieldConstraint {
          booleanEquals: [Boolean!]
          enumEquals: [String!]
          stringMatches: [String!]
        }

        input QueryOrder {
          field: String!
          direction: OrderDirection!
        }

        enum OrderDirection { ASC DESC }

        input RuntimeConfigInput {
          yaml: String
          # The Terraform provider's fields (spacelift/internal/structs/runtime_config.go at 8565261).
          environment: [EnvVarInput!]
          projectRoot: String
          runnerImage: String
          afterApply: [String!]
          afterDestroy: [String!]
          afterInit: [String!]
          afterPerform: [String!]
          afterPlan: [String!]
          afterRun: [String!]
          beforeApply: [String!]
          beforeDestroy: [String!]
          beforeInit: [String!]
          beforePerform: [String!]
          beforePlan: [String!]
        }

        enum RunType { PROPOSED TRACKED TASK TESTING DESTROY }

        enum ForceApplyMode { SINGLE CASCADE }

        enum StackState {
          NONE QUEUED CANCELED INITIALIZING PLANNING FAILED FINISHED UNCONFIRMED DISCARDED CONFIRMED APPLYING
          PERFORMING STOPPED DESTROYING PREPARING PREPARING_APPLY PREPARING_REPLAN SKIPPED REPLAN_REQUESTED
          PENDING READY PENDING_REVIEW
        }

        enum RunState {
          QUEUED CANCELED INITIALIZING PLANNING FAILED FINISHED UNCONFIRMED DISCARDED CONFIRMED APPLYING
          PERFORMING STOPPED DESTROYING PREPARING PREPARING_APPLY PREPARING_REPLAN SKIPPED REPLAN_REQUESTED
          PENDING READY PENDING_REVIEW
        }

        enum VCSProvider {
          GITHUB GITHUB_ENTERPRISE GITLAB BITBUCKET_CLOUD BITBUCKET_DATACENTER AZURE_DEVOPS GIT SHOWCASE SPACELIFT
        }

        type StacksConnection {
          edges: [StackEdge!]!
          pageInfo: PageInfo!
        }

        type StackEdge {
          cursor: String!
          node: Stack!
        }

        type PageInfo {
          endCursor: String
          hasNextPage: Boolean!
          hasPreviousPage: Boolean!
        }

        type Stack {
          id: ID!
          name: String!
          description: String
          space: ID!
          spaceDetails: Space!
          administrative: Boolean!
          autodeploy: Boolean!
          autoretry: Boolean!
          state: StackState!
          stateSetAt: Int
          stateIsTerminal: Boolean!
          createdAt: Int!
          repository: String!
          namespace: String!
          branch: String!
          projectRoot: String
          provider: VCSProvider!
          repositoryURL: String
          repositoryTags: [String!]!
          apiHost: String
          vcsIntegration: VCSIntegration
          vcsDetached: Boolean!
          labels: [String!]!
          isDisabled: Boolean!
          isDrifted: Boolean!
          lockedBy: String
          lockedAt: Int
          lockNote: String
          entityCount: Int!
          blocked: Boolean!
          blocker: Run
          needsApproval: Boolean!
          trackedCommit: Commit
          trackedCommitSetBy: String
          lastApplyAt: Int
          workerPool: WorkerPool
          vendorConfig: StackConfigVendor
          canWrite: Boolean!
          starred: Boolean!
          deleted: Boolean!
          deleting: Boolean!
          managesStateFile: Boolean!
          runnerImage: String
          terraformVersion: String
          effectiveTerraformVersion: String
          localPreviewEnabled: Boolean!
          protectFromDeletion: Boolean!
          githubActionDeploy: Boolean!
          enableWellKnownSecretMasking: Boolean!
          enableSensitiveOutputUpload: Boolean!
          additionalProjectGlobs: [String!]!
          gitSparseCheckoutPaths: [String!]!
          afterApply: [String!]!
          afterDestroy: [String!]!
          afterInit: [String!]!
          afterPerform: [String!]!
          afterPlan: [String!]!
          afterRun: [String!]!
          beforeApply: [String!]!
          beforeDestroy: [String!]!
          beforeInit: [String!]!
          beforePerform: [String!]!
          beforePlan: [String!]!
          integrations: StackIntegrations
          outputs: [StackOutput!]!
          runs(before: ID): [Run!]!
          proposedRuns(before: ID): [Run!]!
          run(id: ID!): Run
        }

        type Space {
          id: ID!
          name: String!
          description: String!
          parentSpace: ID
          inheritEntities: Boolean!
          labels: [String!]!
        }

        type VCSIntegration {
          id: ID!
          name: String!
          description: String
          isDefault: Boolean!
          provider: VCSProvider!
        }

        type WorkerPool {
          id: ID!
          name: String!
        }

        type Commit {
          authorLogin: String
          authorName: String!
          hash: String!
          message: String!
          timestamp: Int!
          url: String
          tag: String!
        }

        type StackOutput {
          id: ID!
          value: String!
          sensitive: Boolean!
          description: String!
        }

        type StackIntegrations {
          aws: StackAwsIntegrationAttachment
          driftDetection: DriftDetectionIntegration
          gcp: StackGcpIntegration
          webhooks: [StackWebhook!]!
        }

        type StackAwsIntegrationAttachment {
          assumedRoleArn: String
          assumeRolePolicyStatement: String!
          externalID: String!
          generateCredentialsInWorker: Boolean!
          durationSeconds: Int
          region: String
        }

        type DriftDetectionIntegration {
          ignoreState: Boolean!
          reconcile: Boolean!
          schedule: [String!]!
          timezone: String
        }

        type StackGcpIntegration {
          serviceAccountEmail: String
          tokenScopes: [String!]!
        }

        type StackWebhook {
          id: ID!
          enabled: Boolean!
          endpoint: String!
          secret: String!
          retryOnFailure: Boolean!
        }

        union StackConfigVendor =
            StackConfigVendorTerraform
          | StackConfigVendorOpenTofu
          | StackConfigVendorTerragrunt
          | StackConfigVendorPulumi
          | StackConfigVendorCloudFormation
          | StackConfigVendorKubernetes
          | StackConfigVendorAnsible

        type StackConfigVendorTerraform {
          version: String
          workspace: String
          useSmartSanitization: Boolean!
          externalStateAccessEnabled: Boolean!
          workflowTool: String
        }

        type StackConfigVendorOpenTofu {
          version: String
          workspace: String
          useSmartSanitization: Boolean!
          externalStateAccessEnabled: Boolean!
          workflowTool: String
          concise: Boolean!
        }

        type StackConfigVendorTerragrunt {
          terraformVersion: String
          terragruntVersion: String!
          useRunAll: Boolean!
          useSmartSanitization: Boolean!
          useStateManagement: Boolean!
          prefixResourceNamesWithModuleName: Boolean!
          skipReplanWhenRunAll: Boolean!
          skipReplan: Boolean!
          tool: String!
        }

        type StackConfigVendorPulumi {
          loginURL: String!
          stackName: String!
        }

        type StackConfigVendorCloudFormation {
          entryTemplateFile: String!
          region: String!
          stackName: String!
          templateBucket: String!
        }

        type StackConfigVendorKubernetes {
          namespace: String!
          kubectlVersion: String
          kubernetesWorkflowTool: String
        }

        type StackConfigVendorAnsible {
          playbook: String!
        }

        type Run {
          id: ID!
          title: String!
          type: RunType!
          state: RunState!
          createdAt: Int!
          updatedAt: Int!
          branch: String!
          triggeredBy: String
          driftDetection: Boolean!
          commit: Commit!
          isMostRecent: Boolean!
          finished: Boolean!
          expired: Boolean!
          needsApproval: Boolean!
          command: String
          history: [RunStateTransition!]!
        }

        type RunStateTransition {
          state: RunState!
          timestamp: Int!
          terminal: Boolean!
          hasLogs: Boolean!
          note: String
          username: String
        }
        """;
}
