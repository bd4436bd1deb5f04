using System.Text.Json.Nodes;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Sdk;
using Infra.Sdk.Spacelift;
using Infra.Stacks;
using Infra.Tests.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.Golden;

/// <summary>
/// Pins the full catalogue's declarations (Golden/Catalogue/*.json): the REST bodies of its blueprints, the
/// aggregation properties, one space, stack and run entity, and the live-update webhook with the run
/// mappings; and the Port provider inputs each becomes (PulumiMode/Golden/Catalogue/*.json), checked against
/// the provider's schema, so Pulumi mode registers the same catalogue. Change them deliberately with
/// UPDATE_GOLDEN=1.
/// </summary>
public sealed class CatalogueGoldenTests
{
    private const string Filter = "FullyQualifiedName~CatalogueGoldenTests";

    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly IntegrationInputs Inputs = GoldenDeclaration.Inputs with { Catalogue = new Catalogue(10), Live = new LiveUpdates("root") };

    public static TheoryData<string> Names => [.. Declared().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void DeclaredBodyMatchesItsGoldenFile(string name)
        => GoldenFiles.Verify($"Golden/Catalogue/{name}.json", Declared()[name].Body.ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);

    [Theory]
    [MemberData(nameof(Names))]
    public void ProviderInputsMatchTheirGoldenFileAndTheSchema(string name)
    {
        var resource = Declared()[name];
        var inputs = ProviderInputs.For(resource.Address.Kind)!.Render(resource.Body, resource.Address);

        GoldenFiles.Verify($"PulumiMode/Golden/Catalogue/{name}.json", inputs.ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);
        Assert.Empty(ProviderSchema.Port.Validate(resource.Address.Type, inputs));
    }

    [Fact]
    public void TheGuidesStackEntityIsTheFullOnesWithoutItsRelationAndLatestRun()
    {
        var full = Declared()["stack-entity"].Body;
        var guide = SpaceliftIntegration.Entity(Inputs, GoldenDeclaration.Sample);

        full["properties"]!.AsObject().Remove(CatalogueNames.LatestRunAt);
        full["relations"]!.AsObject().Remove(CatalogueNames.SpaceRelation);

        Assert.True(JsonNode.DeepEquals(guide, full));
    }

    /// <summary>The catalogue's resources by golden name, from one declaration of the sample stack, its space and one run.</summary>
    private static Dictionary<string, DesiredResource> Declared()
    {
        var run = new SpaceliftRun("01HRUN0000000000000000000A", GoldenDeclaration.Sample.Id, "TRACKED", "FINISHED", "main", At.AddMinutes(-10), At, "alice@acme.example", true,
            new SpaceliftCommit("0ee3a3b7266daf5a1d44a193a0f48ce995fa75eb", "Update demo.tf", "Alice", "alice"), new SpaceliftDelta(1, 2, 0, 14));
        var data = new CatalogueData(
            new SpaceliftRead<SpaceliftSpace>([new SpaceliftSpace("root", "root", "The root space", null, false, ["team:platform"])], new DataRead("Spacelift", "spaces", 1)),
            new SpaceliftRunHistory(
                new Dictionary<string, IReadOnlyList<SpaceliftRun>> { [GoldenDeclaration.Sample.Id] = [run] },
                new HashSet<string>(), new Dictionary<string, string>(), new DataRead("Spacelift", "runs", 1)));
        var graph = SpaceliftIntegration.Declare(Inputs, new SpaceliftRead<SpaceliftStack>([GoldenDeclaration.Sample], new DataRead("Spacelift", "stacks", 1)), withNotes: false, data);
        var names = Inputs.CatalogueNames;
        DesiredResource Find(ResourceKind kind, string id, string? blueprint = null) => graph.All.Single(r => r.Address == new ResourceAddress(kind, id, blueprint));
        return new Dictionary<string, DesiredResource>(StringComparer.Ordinal)
        {
            ["space-blueprint"] = Find(ResourceKind.Blueprint, names.SpaceBlueprint),
            ["stack-blueprint"] = Find(ResourceKind.Blueprint, Inputs.Blueprint),
            ["run-blueprint"] = Find(ResourceKind.Blueprint, names.RunBlueprint),
            ["stack-aggregations"] = Find(ResourceKind.AggregationProperties, Inputs.Blueprint),
            ["space-entity"] = Find(ResourceKind.Entity, "root", names.SpaceBlueprint),
            ["stack-entity"] = Find(ResourceKind.Entity, GoldenDeclaration.Sample.Id, Inputs.Blueprint),
            ["run-entity"] = Find(ResourceKind.Entity, run.Id, names.RunBlueprint),
            ["webhook"] = Find(ResourceKind.Webhook, Inputs.LiveNames.PortWebhook),
        };
    }
}
