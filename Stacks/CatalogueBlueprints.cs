using System.Text.Json.Nodes;

namespace Infra.Stacks;

/// <summary>
/// The full catalogue's blueprints, in the only order Port accepts them (a relation's or an aggregation's
/// target must exist): spaces (related to their parent space), the stack blueprint (the guide's, plus its
/// relation to its space, the space's title mirrored and the latest run's time), runs (related to their
/// stack), then the numbers Port computes on each stack over its runs, declared apart because runs relate
/// back to stacks (<see cref="Infra.Sdk.ResourceKind.AggregationProperties"/>). The models follow Port's
/// own integrations and the Spacelift integrations proposed to port-labs/ocean (issue 26).
/// </summary>
public static class CatalogueBlueprints
{
    public static JsonObject Spaces(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.CatalogueNames.SpaceBlueprint,
        ["title"] = inputs.Names.Title("Spacelift Space", inputs.SpaceliftEndpoint),
        ["icon"] = "Spacelift",
        ["description"] = inputs.Marked("Spacelift spaces, one entity per space, related to their parent space"),
        ["schema"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["description"] = String("Description"),
                ["labels"] = new JsonObject
                {
                    ["items"] = new JsonObject { ["type"] = "string" },
                    ["type"] = "array",
                    ["title"] = "Labels",
                },
                ["inheritEntities"] = new JsonObject { ["type"] = "boolean", ["title"] = "Inherits entities" },
                ["link"] = Link(),
            },
            ["required"] = new JsonArray(),
        },
        ["mirrorProperties"] = new JsonObject(),
        ["calculationProperties"] = new JsonObject(),
        ["aggregationProperties"] = new JsonObject(),
        ["relations"] = new JsonObject
        {
            [CatalogueNames.ParentRelation] = Relation("Parent space", inputs.CatalogueNames.SpaceBlueprint, required: false),
        },
    };

    /// <summary>
    /// The guide's stack blueprint, with its properties unchanged (the guide's entities still match), the
    /// relation to its space, the space's title (mirrored) and when its latest tracked run was created.
    /// </summary>
    public static JsonObject Stacks(IntegrationInputs inputs)
    {
        var blueprint = SpaceliftIntegration.Blueprint(inputs);
        blueprint["schema"]!["properties"]![CatalogueNames.LatestRunAt] = DateTime("Latest run at");
        blueprint["mirrorProperties"] = new JsonObject
        {
            [CatalogueNames.SpaceName] = new JsonObject { ["title"] = "Space name", ["path"] = CatalogueNames.SpaceRelation + ".$title" },
        };
        blueprint["relations"] = new JsonObject
        {
            [CatalogueNames.SpaceRelation] = Relation("Spacelift space", inputs.CatalogueNames.SpaceBlueprint, required: false),
        };
        return blueprint;
    }

    /// <summary>A run cannot exist without its stack (required): Port then refuses a run of an unknown stack, and a stack is deleted only after its runs.</summary>
    public static JsonObject Runs(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.CatalogueNames.RunBlueprint,
        ["title"] = inputs.Names.Title("Spacelift Run", inputs.SpaceliftEndpoint),
        ["icon"] = "Deployment",
        ["description"] = inputs.Marked("Tracked runs (deployments) of Spacelift stacks, the latest of each stack"),
        ["schema"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["state"] = String("State"),
                ["type"] = String("Type"),
                ["branch"] = String("Branch"),
                ["commitHash"] = String("Commit"),
                ["commitMessage"] = String("Commit message"),
                ["commitAuthor"] = String("Commit author"),
                ["triggeredBy"] = String("Triggered by"),
                ["added"] = Number("Resources added"),
                ["changed"] = Number("Resources changed"),
                ["deleted"] = Number("Resources deleted"),
                ["resources"] = Number("Resources"),
                ["driftDetection"] = new JsonObject { ["type"] = "boolean", ["title"] = "Drift detection" },
                [CatalogueNames.CreatedAt] = DateTime("Created at"),
                ["updatedAt"] = DateTime("Updated at"),
                ["link"] = Link(),
            },
            ["required"] = new JsonArray(),
        },
        ["mirrorProperties"] = new JsonObject(),
        ["calculationProperties"] = new JsonObject(),
        ["aggregationProperties"] = new JsonObject(),
        ["relations"] = new JsonObject
        {
            [CatalogueNames.StackRelation] = Relation("Stack", inputs.Blueprint, required: true),
        },
    };

    /// <summary>
    /// What a platform team looks at first on a stack, computed by Port over the stack's runs: tracked runs and
    /// failed runs created in the last 30 days. The window is each run's own <c>createdAt</c> (when Spacelift
    /// created it), not <c>$createdAt</c> (when Port first stored the entity), so the history <c>up</c> writes
    /// at once counts on the day it ran; Port's <c>lastMonth</c> preset is the past 30 days.
    /// </summary>
    public static JsonObject Aggregations(IntegrationInputs inputs) => new()
    {
        ["blueprintIdentifier"] = inputs.Blueprint,
        ["aggregationProperties"] = new JsonObject
        {
            [CatalogueNames.TrackedRuns] = Count(inputs, "Tracked runs (30 days)", new JsonObject { ["property"] = "type", ["operator"] = "=", ["value"] = "TRACKED" }),
            [CatalogueNames.FailedRuns] = Count(inputs, "Failed runs (30 days)", new JsonObject { ["property"] = "state", ["operator"] = "=", ["value"] = "FAILED" }),
        },
    };

    private static JsonObject Count(IntegrationInputs inputs, string title, JsonObject rule) => new()
    {
        ["title"] = title,
        ["type"] = "number",
        ["target"] = inputs.CatalogueNames.RunBlueprint,
        ["calculationSpec"] = new JsonObject { ["calculationBy"] = "entities", ["func"] = "count" },
        ["query"] = new JsonObject
        {
            ["combinator"] = "and",
            ["rules"] = new JsonArray(
                rule,
                new JsonObject { ["property"] = CatalogueNames.CreatedAt, ["operator"] = "between", ["value"] = new JsonObject { ["preset"] = "lastMonth" } }),
        },
        ["pathFilter"] = new JsonArray(new JsonObject
        {
            ["path"] = new JsonArray(CatalogueNames.StackRelation),
            ["fromBlueprint"] = inputs.CatalogueNames.RunBlueprint,
        }),
    };

    private static JsonObject Relation(string title, string target, bool required) => new()
    {
        ["title"] = title,
        ["target"] = target,
        ["required"] = required,
        ["many"] = false,
    };

    private static JsonObject String(string title) => new() { ["type"] = "string", ["title"] = title };

    private static JsonObject Number(string title) => new() { ["type"] = "number", ["title"] = title };

    private static JsonObject DateTime(string title) => new() { ["type"] = "string", ["title"] = title, ["format"] = "date-time" };

    private static JsonObject Link() => new() { ["type"] = "string", ["title"] = "Link", ["format"] = "url" };
}
