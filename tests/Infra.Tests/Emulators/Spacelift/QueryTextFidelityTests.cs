using System.Text.Json;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>The exact documents Spacelift's own clients, its docs and the guide send run unchanged.</summary>
public sealed class QueryTextFidelityTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string SpacectlStackList =
        "query($input:SearchInput!){searchStacks(input: $input){edges{node{id,administrative,autodeploy,autoretry,blocker{id},afterApply,beforeApply,afterInit,beforeInit,afterPlan,beforePlan,afterPerform,beforePerform,afterDestroy,beforeDestroy,branch,canWrite,createdAt,deleted,deleting,description,labels,localPreviewEnabled,lockedBy,managesStateFile,name,namespace,projectRoot,provider,repository,runnerImage,starred,state,stateSetAt,terraformVersion,spaceDetails{id,name,description,parentSpace},trackedCommit{authorLogin,authorName,hash,message,timestamp,url},trackedCommitSetBy,vendorConfig{__typename},workerPool{id,name}}},pageInfo{endCursor,hasNextPage,hasPreviousPage}}}";

    private const string TfprovStacks =
        "query($input:SearchInput!){searchStacks(input: $input){edges{node{id,administrative,afterApply,afterDestroy,afterInit,afterPerform,afterPlan,afterRun,autodeploy,autoretry,beforeApply,beforeDestroy,beforeInit,beforePerform,beforePlan,branch,deleting,description,isDisabled,githubActionDeploy,integrations{aws{assumedRoleArn,assumeRolePolicyStatement,externalID,generateCredentialsInWorker,durationSeconds,region},driftDetection{ignoreState,reconcile,schedule,timezone},gcp{serviceAccountEmail,tokenScopes},webhooks{id,enabled,endpoint,secret,retryOnFailure}},labels,localPreviewEnabled,enableWellKnownSecretMasking,enableSensitiveOutputUpload,managesStateFile,name,namespace,projectRoot,additionalProjectGlobs,gitSparseCheckoutPaths,protectFromDeletion,provider,repository,repositoryURL,runnerImage,space,spaceDetails{id,description,name,inheritEntities,parentSpace,labels},terraformVersion,vcsIntegration{id,isDefault},vendorConfig{__typename,... on StackConfigVendorAnsible{playbook},... on StackConfigVendorCloudFormation{entryTemplateFile,region,stackName,templateBucket},... on StackConfigVendorKubernetes{namespace,kubectlVersion,kubernetesWorkflowTool},... on StackConfigVendorOpenTofu{concise,externalStateAccessEnabled,useSmartSanitization,version,openTofuWorkflowTool:workflowTool,workspace},... on StackConfigVendorPulumi{loginURL,stackName},... on StackConfigVendorTerraform{useSmartSanitization,version,workflowTool,workspace,externalStateAccessEnabled},... on StackConfigVendorTerragrunt{terraformVersion,terragruntVersion,useRunAll,useSmartSanitization,useStateManagement,prefixResourceNamesWithModuleName,skipReplanWhenRunAll,skipReplan,tool}},workerPool{id}}},pageInfo{endCursor,hasNextPage,hasPreviousPage}}}";

    private const string BrunoSearchStacks = """
        query SearchStacks($input: SearchInput!) {
          searchStacks(input: $input) { edges { node { id name state description labels space } } pageInfo { hasNextPage endCursor } }
        }
        """;

    private const string GuideStackList = """

        {
          stacks {
            id
            name
            space
            administrative
            state
            description
            repository
            repositoryURL
            provider
            labels
            branch
            namespace
            entityCount
          }
        }

        """;

    private const string GuideRunTrigger =
        "mutation ($stackId: ID!) { runTrigger(stack: $stackId) { id title type state createdAt updatedAt branch triggeredBy driftDetection } }";

    private GraphQLTestClient Client => fixture.Client;

    [Fact]
    public async Task SpacectlStackListRunsWithExplicitNullInputs()
    {
        var token = await Client.MintTokenAsync();

        var response = await Client.PostAsync(SpacectlStackList,
            new { input = new { first = 50, after = (string?)null, fullTextSearch = (string?)null, predicates = (object?)null, orderBy = (object?)null } },
            token);

        var search = response.AssertOk().Data.GetProperty("searchStacks");
        Assert.Equal(50, search.GetProperty("edges").GetArrayLength());
        Assert.True(search.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var node = search.GetProperty("edges")[0].GetProperty("node");
        Assert.StartsWith("StackConfigVendor", node.GetProperty("vendorConfig").GetProperty("__typename").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, node.GetProperty("createdAt").ValueKind);
    }

    [Fact]
    public async Task SpacectlRepositoryPredicateMatchesOwnerSlashName()
    {
        var token = await Client.MintTokenAsync();
        var stack = fixture.Host.Spacelift.Stacks.All()[0];
        var predicates = new[]
        {
            new { field = "repository", constraint = new { booleanEquals = (bool[]?)null, enumEquals = (string[]?)null, stringMatches = new[] { $"{stack.Namespace}/{stack.Repository}" } }, exclude = false },
        };

        var response = await Client.PostAsync(SpacectlStackList,
            new { input = new { first = 50, after = (string?)null, fullTextSearch = (string?)null, predicates, orderBy = (object?)null } }, token);

        var nodes = response.AssertOk().Data.GetProperty("searchStacks").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToArray();
        Assert.Contains(nodes, n => n.GetProperty("id").GetString() == stack.Id);
        Assert.All(nodes, n => Assert.Equal(stack.Repository, n.GetProperty("repository").GetString()));
    }

    [Fact]
    public async Task TfprovStacksQueryResolvesAliasesAndEveryVendorFragment()
    {
        var token = await Client.MintTokenAsync();

        var response = await Client.PostAsync(TfprovStacks,
            new { input = new { first = 50, after = (string?)null, predicates = (object?)null } }, token);

        var nodes = response.AssertOk().Data.GetProperty("searchStacks").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToArray();
        var typenames = nodes.Select(n => n.GetProperty("vendorConfig").GetProperty("__typename").GetString()).ToHashSet();
        Assert.Equal(7, typenames.Count);
        var openTofu = nodes.First(n => n.GetProperty("vendorConfig").GetProperty("__typename").GetString() == "StackConfigVendorOpenTofu");
        Assert.True(openTofu.GetProperty("vendorConfig").TryGetProperty("openTofuWorkflowTool", out _));
        Assert.Equal(JsonValueKind.Array, nodes[0].GetProperty("integrations").GetProperty("webhooks").ValueKind);
    }

    [Fact]
    public async Task TfprovLabelPredicateWithoutExcludeKeyFiltersByFolder()
    {
        var token = await Client.MintTokenAsync();
        var predicates = new[]
        {
            new { field = "label", constraint = new { booleanEquals = (bool[]?)null, enumEquals = (string[]?)null, stringMatches = new[] { "folder:prod" } } },
        };

        var response = await Client.PostAsync(TfprovStacks, new { input = new { first = 50, after = (string?)null, predicates } }, token);

        var nodes = response.AssertOk().Data.GetProperty("searchStacks").GetProperty("edges").EnumerateArray().ToArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Contains("folder:prod", n.GetProperty("node").GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
    }

    [Fact]
    public async Task BrunoSearchStacksRuns()
    {
        var token = await Client.MintTokenAsync();

        var response = await Client.PostAsync(BrunoSearchStacks, new { input = new { first = 50 } }, token);

        Assert.Equal(50, response.AssertOk().Data.GetProperty("searchStacks").GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task DocsStacksQueryWithCommasRuns()
    {
        var token = await Client.MintTokenAsync();

        var response = await Client.PostAsync("{ stacks { id name, createdAt, description }}", token: token);

        var stacks = response.AssertOk().Data.GetProperty("stacks");
        Assert.Equal(60, stacks.GetArrayLength());
        Assert.Contains(stacks.EnumerateArray(), s => s.GetProperty("description").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task GuideStackListQueryRuns()
    {
        var token = await Client.MintTokenAsync();

        var response = await Client.PostAsync(GuideStackList, token: token);

        var first = response.AssertOk().Data.GetProperty("stacks")[0];
        Assert.Equal(JsonValueKind.Number, first.GetProperty("entityCount").ValueKind);
        Assert.Equal(JsonValueKind.Array, first.GetProperty("labels").ValueKind);
    }

    [Theory]
    [InlineData("mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt,validUntil}}", "id", "secret")]
    [InlineData("mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt}}", "id", "secret")]
    [InlineData("mutation GetSpaceliftToken($id: ID!, $secret: String!) {\n  apiKeyUser(id: $id, secret: $secret) {\n    jwt\n  }\n}\n", "id", "secret")]
    [InlineData("mutation GetSpaceliftToken($id: ID!, $secret: String!) { apiKeyUser(id: $id, secret: $secret) { jwt } }", "id", "secret")]
    [InlineData("\nmutation GetSpaceliftToken($apiKeyId: ID!, $apiKeySecret: String!) {\n  apiKeyUser(id: $apiKeyId, secret: $apiKeySecret) {\n    jwt\n  }\n}\n", "apiKeyId", "apiKeySecret")]
    public async Task TokenMutationTextsFromClientsDocsAndGuideIssueJwts(string mutation, string idVariable, string secretVariable)
    {
        var variables = new Dictionary<string, string> { [idVariable] = GraphQLTestClient.KeyId, [secretVariable] = GraphQLTestClient.KeySecret };

        var response = await Client.PostAsync(mutation, variables);

        var jwt = response.AssertOk().Data.GetProperty("apiKeyUser").GetProperty("jwt").GetString();
        Assert.Equal(3, jwt!.Split('.').Length);
    }

    [Fact]
    public async Task GuideRunTriggerMutationRunsAndReturnsEveryField()
    {
        var token = await Client.MintTokenAsync();
        var stackId = fixture.Host.Spacelift.Stacks.All()[1].Id;

        var response = await Client.PostAsync(GuideRunTrigger, new { stackId }, token);

        var run = response.AssertOk().Data.GetProperty("runTrigger");
        Assert.Equal("TRACKED", run.GetProperty("type").GetString());
        Assert.Equal("QUEUED", run.GetProperty("state").GetString());
        Assert.Equal($"api::{GraphQLTestClient.KeyId}", run.GetProperty("triggeredBy").GetString());
        Assert.False(run.GetProperty("driftDetection").GetBoolean());
        Assert.Equal(JsonValueKind.Number, run.GetProperty("updatedAt").ValueKind);
    }

    [Theory]
    [InlineData("mutation($runtimeConfig:RuntimeConfigInput$sha:String$stack:ID!$type:RunType){runTrigger(stack: $stack, commitSha: $sha, runType: $type, runtimeConfig: $runtimeConfig){id}}")]
    [InlineData("mutation($forceApply:ForceApplyMode$runtimeConfig:RuntimeConfigInput$sha:String$stack:ID!$type:RunType){runTrigger(stack: $stack, commitSha: $sha, runType: $type, runtimeConfig: $runtimeConfig, forceApply: $forceApply){id}}")]
    public async Task SpacectlRunTriggerTextsRunWithExplicitNulls(string mutation)
    {
        var token = await Client.MintTokenAsync();
        var stackId = fixture.Host.Spacelift.Stacks.All()[2].Id;

        var variables = new Dictionary<string, object?> { ["runtimeConfig"] = null, ["sha"] = null, ["stack"] = stackId, ["type"] = "TRACKED" };
        if (mutation.Contains("$forceApply", StringComparison.Ordinal))
        {
            variables["forceApply"] = null;
        }

        var response = await Client.PostAsync(mutation, variables, token);

        var id = response.AssertOk().Data.GetProperty("runTrigger").GetProperty("id").GetString();
        Assert.Equal(26, id!.Length);
    }
}
