namespace Emulators.Spacelift.Graph;

/// <summary>
/// The part of the schema added so that the documents Spacelift's own clients send validate and run
/// (tests/Infra.Tests/Emulators/Spacelift/ClientDocuments, each naming its repository, path and commit),
/// kept apart from <see cref="SpaceliftSdl"/> as extensions:
/// <list type="bullet">
/// <item><c>createdAt</c>/<c>updatedAt</c> on <c>Policy</c> (spacelift-api-bruno <c>Policies/Get Policy.bru</c>;
/// spacectl <c>internal/cmd/policy/show.go</c>, Go <c>int</c>, so Unix seconds like the stack's) and its
/// <c>spaceDetails</c> with the caller's <c>accessLevel</c> (spacectl, the same file);</item>
/// <item><c>createdAt</c> on <c>NamedWebhooksIntegration</c> and <c>searchNamedWebhooksIntegrations(input: SearchInput!)</c>
/// (bruno <c>Webhooks/Get Webhook.bru</c>, <c>Webhooks/List Webhooks.bru</c>);</item>
/// <item><c>EnvVarInput</c>, for the Terraform provider's <c>RuntimeConfigInput</c> fields (<c>spacelift/internal/structs/runtime_config.go</c>).</item>
/// </list>
/// <c>policyDelete(id, force)</c> (flows-app-spacelift <c>blocks/policies/deletePolicy.ts</c>) and those
/// <c>RuntimeConfigInput</c> fields are in <see cref="SpaceliftSdl"/> itself: an extension cannot add an
/// argument, and GraphQL.NET ignores <c>extend input</c>.
/// </summary>
internal static class ClientDocumentSdl
{
    public const string Text = """

        extend type Query {
          searchNamedWebhooksIntegrations(input: SearchInput!): NamedWebhooksIntegrationsConnection!
        }

        type NamedWebhooksIntegrationsConnection {
          edges: [NamedWebhooksIntegrationEdge!]!
          pageInfo: PageInfo!
        }

        type NamedWebhooksIntegrationEdge {
          cursor: String!
          node: NamedWebhooksIntegration!
        }

        extend type NamedWebhooksIntegration {
          createdAt: Int!
        }

        extend type Policy {
          createdAt: Int!
          updatedAt: Int!
          spaceDetails: Space!
        }

        enum SpaceAccessLevel { ADMIN READ WRITE }

        extend type Space {
          accessLevel: SpaceAccessLevel!
        }

        input EnvVarInput {
          key: String!
          value: String!
        }

        """;
}
