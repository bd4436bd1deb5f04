namespace Emulators.Spacelift.Graph;

/// <summary>
/// What the catalogue of spaces and runs adds to <see cref="SpaceliftSdl"/>, kept apart as type extensions:
/// <c>spaces</c> and <c>space(id)</c> as terraform-provider-spacelift (<c>spacelift/data_spaces.go</c>,
/// <c>data_space.go</c>), spacectl (<c>internal/cmd/space/mcp.go</c>) and the api-bruno collection
/// (<c>Spaces/List Spaces.bru</c>, <c>Get Space.bru</c>) read them; the run fields spacectl's run list reads
/// (<c>internal/cmd/stack/run_list.go</c>: <c>delta</c>, <c>canRetry</c>, <c>comments</c>) and the delta counts
/// flows-app-spacelift declares (<c>blocks/runs/getRun.ts</c>).
/// </summary>
internal static class CatalogueSdl
{
    public const string Text = """

        extend type Query {
          spaces: [Space!]!
          space(id: ID!): Space
        }

        # Space.accessLevel (the caller's) is in ClientDocumentSdl.

        extend type Run {
          delta: RunDelta
          canRetry: Boolean!
          comments: [RunComment!]!
        }

        type RunDelta {
          addCount: Int!
          changeCount: Int!
          deleteCount: Int!
          resources: Int!
          importCount: Int!
          moveCount: Int!
          forgetCount: Int!
          okCount: Int!
          skipCount: Int!
          rescueCount: Int!
          ignoreCount: Int!
          unreachableCount: Int!
          failedCount: Int!
        }

        type RunComment {
          body: String!
          createdAt: Int!
          username: String!
        }
        """;
}
