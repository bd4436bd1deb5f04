using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>What an entity's relations make it wait for: the one rule both executors order entities by.</summary>
public sealed class EntityRelationsTests
{
    private static readonly DataRead Read = new("Spacelift", "spaces", 0);

    private static readonly EntitySet Spaces = new("spaces", [], Read)
    {
        Relations = new Dictionary<string, string> { ["parent"] = "spaces", ["owner"] = "teams" },
    };

    [Fact]
    public void TargetsAreTheEntitiesTheDeclaredRelationsNameInTheirBlueprints()
    {
        var body = Entity("child", parent: "root");
        body["relations"]!["owner"] = new JsonArray("platform", "security");
        body["relations"]!["undeclared"] = "x";

        var targets = EntityRelations.Targets(body, Spaces).ToList();

        Assert.Equal(
            [new ResourceAddress(ResourceKind.Entity, "root", "spaces"), new ResourceAddress(ResourceKind.Entity, "platform", "teams"), new ResourceAddress(ResourceKind.Entity, "security", "teams")],
            targets);
    }

    [Fact]
    public void AnEntityIsInALaterWaveThanTheEntitiesOfItsSetItRelatesTo()
    {
        // Children first, as Spacelift may list them; "loner" names a parent outside the set.
        JsonObject[] items = [Entity("grandchild", "child"), Entity("child", "root"), Entity("loner", "elsewhere"), Entity("root", null)];

        var waves = EntityRelations.Waves(items, e => e, Spaces);

        Assert.Equal([["loner", "root"], ["child"], ["grandchild"]], waves.Select(w => w.Select(Id).ToList()).ToList());
    }

    [Fact]
    public void ASetWithoutRelationsToItselfIsOneWaveInTheGivenOrder()
    {
        JsonObject[] items = [Entity("b", "a"), Entity("a", null)];

        var waves = EntityRelations.Waves(items, e => e, Spaces with { Relations = new Dictionary<string, string> { ["parent"] = "other" } });

        Assert.Equal([["b", "a"]], waves.Select(w => w.Select(Id).ToList()).ToList());
    }

    [Fact]
    public void ACycleDoesNotThrowAndEveryEntityIsInSomeWave()
    {
        JsonObject[] items = [Entity("a", "b"), Entity("b", "a"), Entity("c", "a")];

        var waves = EntityRelations.Waves(items, e => e, Spaces);

        Assert.Equal(["a", "b", "c"], waves.SelectMany(w => w).Select(Id).Order(StringComparer.Ordinal));
        Assert.True(waves.Count >= 2);
    }

    [Fact]
    public void AnEntityAfterTheEntitiesItRelatesToAcrossSetsToo()
    {
        var runs = new EntitySet("runs", [], Read) { Relations = new Dictionary<string, string> { ["stack"] = "stacks" } };
        var run = new DesiredResource(new ResourceAddress(ResourceKind.Entity, "r1", "runs"), new JsonObject { ["identifier"] = "r1", ["relations"] = new JsonObject { ["stack"] = "s1" } });

        Assert.Contains(new ResourceAddress(ResourceKind.Entity, "s1", "stacks"), Dependencies.Of(run, runs));
        Assert.Contains(new ResourceAddress(ResourceKind.Blueprint, "runs"), Dependencies.Of(run, runs));
        Assert.Contains(Dependencies.SetAddress("stacks"), Dependencies.Of(runs));
    }

    private static JsonObject Entity(string id, string? parent) => new()
    {
        ["identifier"] = id,
        ["relations"] = parent is null ? new JsonObject() : new JsonObject { ["parent"] = parent },
    };

    private static string Id(JsonObject entity) => entity["identifier"]!.GetValue<string>();
}
