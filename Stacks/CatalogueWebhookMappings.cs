using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// What the live-update webhook adds for the full catalogue: each tracked run's event upserts the run's entity
/// (so the run history grows between <c>up</c>s), and sets the stack's latest-run time. Spacelift's default
/// <c>run_updated</c> payload (user-documentation <c>docs/integrations/webhooks.md</c>) carries the run's id,
/// type, branch, commit, <c>createdAt</c> and delta (<c>added</c>/<c>changed</c>/<c>deleted</c>/<c>resources</c>,
/// null until planned), who triggered it, the stack's id, the run's state and the transition's
/// <c>timestamp</c>, all times in Unix seconds; the mapping writes them as <see cref="CatalogueEntities.Run"/>
/// does, so <c>up</c> finds nothing to change. A run of a stack Port does not hold is refused by Port (its
/// relation to the stack is required and its target must exist): the webhook never creates a stray run.
/// </summary>
public static class CatalogueWebhookMappings
{
    private const string Tracked = ".body.run.type == \"TRACKED\" and .body.stack.id != null and .body.run.id != null and .body.state != null";

    /// <summary>The mappings to add to the Port webhook's (none for the guide's catalogue).</summary>
    public static IEnumerable<JsonObject> For(IntegrationInputs inputs)
        => inputs.Catalogue is null ? [] : [Run(inputs), LatestRun(inputs)];

    /// <summary>The blueprints those mappings write, which must exist before the webhook.</summary>
    public static IEnumerable<ResourceAddress> Writes(IntegrationInputs inputs)
        => inputs.Catalogue is null ? [] : [new ResourceAddress(ResourceKind.Blueprint, inputs.CatalogueNames.RunBlueprint)];

    public static JsonObject Run(IntegrationInputs inputs) => new()
    {
        ["blueprint"] = inputs.CatalogueNames.RunBlueprint,
        // The object form: Port's OpenAPI types every form of operation as an object (docs/unknowns.md).
        ["operation"] = new JsonObject { ["type"] = "create" },
        ["filter"] = Tracked,
        ["entity"] = new JsonObject
        {
            ["identifier"] = ".body.run.id",
            ["title"] = ".body.run.id",
            ["properties"] = new JsonObject
            {
                ["state"] = ".body.state",
                ["type"] = ".body.run.type",
                ["branch"] = ".body.run.branch",
                ["commitHash"] = ".body.run.commit.hash",
                ["commitMessage"] = ".body.run.commit.message",
                ["commitAuthor"] = ".body.run.commit.authorName",
                ["triggeredBy"] = ".body.run.triggeredBy",
                ["added"] = ".body.run.delta.added",
                ["changed"] = ".body.run.delta.changed",
                ["deleted"] = ".body.run.delta.deleted",
                ["resources"] = ".body.run.delta.resources",
                [CatalogueNames.CreatedAt] = ".body.run.createdAt | todate",
                ["updatedAt"] = ".body.timestamp | todate",
                ["link"] = Quoted(CatalogueEntities.Base(inputs) + "/stack/") + " + .body.stack.id + \"/run/\" + .body.run.id",
            },
            ["relations"] = new JsonObject { [CatalogueNames.StackRelation] = ".body.stack.id" },
        },
    };

    /// <summary>The stack's latest-run time; the stack is found by search, as the state mapping finds it, so no stack is ever created.</summary>
    public static JsonObject LatestRun(IntegrationInputs inputs)
        => LiveStateWebhooks.StackUpdate(inputs, Tracked, new JsonObject { [CatalogueNames.LatestRunAt] = ".body.run.createdAt | todate" });

    /// <summary>A jq string literal.</summary>
    private static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
