using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Sdk.Spacelift;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Parity;

/// <summary>
/// A test-only program: the integration's graph plus a second blueprint, <c>test_spaces</c>, with one entity
/// per Spacelift space that has stacks, from a second query of the account (each entity counts its stacks).
/// Nothing in the executors knows of it: it is declared the way any program declares a blueprint.
/// </summary>
internal static class SecondBlueprint
{
    public const string Id = "test_spaces";

    public static IStackProgram Program { get; } = new ExtendedProgram(new SpaceliftIntegration(), DeclareAsync);

    private static async Task<ResourceGraph> DeclareAsync(ProgramContext context, ResourceGraph graph, CancellationToken cancellationToken)
    {
        var blueprint = new ResourceAddress(ResourceKind.Blueprint, Id);
        var body = new JsonObject
        {
            ["identifier"] = Id,
            ["title"] = "Test spaces",
            ["icon"] = "IaC",
            ["description"] = OwnerMark.Append("Spaces with stacks (a test program's)", context.Owner),
            ["schema"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["stacks"] = new JsonObject { ["type"] = "number", ["title"] = "Stacks" } },
                ["required"] = new JsonArray(),
            },
            ["mirrorProperties"] = new JsonObject(),
            ["calculationProperties"] = new JsonObject(),
            ["aggregationProperties"] = new JsonObject(),
            ["relations"] = new JsonObject(),
        };
        var read = context.ReadsData
            ? await context.Service<ISpaceliftAccount>().ReadStacksAsync(cancellationToken)
            : new SpaceliftRead<SpaceliftStack>([], new DataRead("Spacelift", "stacks", 0));
        var entities = read.Items
            .GroupBy(s => s.Space, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DesiredResource(
                new ResourceAddress(ResourceKind.Entity, g.Key, Id),
                new JsonObject { ["identifier"] = g.Key, ["title"] = g.Key, ["properties"] = new JsonObject { ["stacks"] = g.Count() }, ["relations"] = new JsonObject() }))
            .ToList();
        var spaces = new EntitySet(Id, entities, read.Read with { Items = "spaces", Seen = entities.Count });
        return graph with { Resources = [.. graph.Resources, new DesiredResource(blueprint, body)], EntitySets = [.. graph.EntitySets, spaces] };
    }
}
