using System.Text.Json.Nodes;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

public sealed class JsonBodiesTests
{
    private static IReadOnlyList<PropertyDiff> Diff(string live, string desired, ResourceKind? kind = null)
    {
        kind ??= ResourceKind.Blueprint;
        var d = JsonNode.Parse(desired)!.AsObject();
        return JsonBodies.Diff(JsonBodies.Normalize(kind, JsonNode.Parse(live)!.AsObject(), d), d);
    }

    [Theory]
    [InlineData("""{"a":1,"createdAt":"x","createdBy":"u","updatedAt":"y","updatedBy":"u","id":"i"}""", """{"a":1}""")]
    [InlineData("""{"a":1,"b":null,"c":[],"d":{}}""", """{"a":1}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":null,"c":[],"d":{}}""")]
    [InlineData("""{"x":{"p":1,"q":"s"},"a":1}""", """{"a":1,"x":{"q":"s","p":1}}""")]
    [InlineData("""{"n":1.0,"m":100}""", """{"n":1,"m":1e2}""")]
    [InlineData("""{"schema":{"required":["b","a"]}}""", """{"schema":{"required":["a","b"]}}""")]
    public void EquivalentBodiesHaveNoDiff(string live, string desired)
        => Assert.Empty(Diff(live, desired));

    [Fact]
    public void EntityServerFieldsAreIgnored()
        => Assert.Empty(Diff("""{"identifier":"s","blueprint":"bp","team":[],"icon":null,"properties":{"a":"b"}}""", """{"identifier":"s","properties":{"a":"b"}}""", ResourceKind.Entity));

    [Fact]
    public void ADefaultPublishOnAnActionIsIgnoredButAnUnpublishedOneIsNot()
    {
        Assert.Empty(Diff("""{"identifier":"a","publish":true}""", """{"identifier":"a"}""", ResourceKind.Action));
        Assert.Equal("publish", Assert.Single(Diff("""{"identifier":"a","publish":false}""", """{"identifier":"a"}""", ResourceKind.Action)).Path);
    }

    [Fact]
    public void ABlueprintsAggregationPropertiesAreItsPartsNotItsOwn()
    {
        const string Live = """{"identifier":"s","aggregationProperties":{"n":{"title":"N","target":"runs","calculationSpec":{"func":"count","calculationBy":"entities"}}}}""";
        var desired = JsonNode.Parse("""{"identifier":"s","aggregationProperties":{}}""")!.AsObject();

        var part = JsonNode.Parse("""{"blueprintIdentifier":"s","aggregationProperties":{}}""")!.AsObject();

        Assert.Empty(Compared(ResourceKind.Blueprint, Live, desired));
        Assert.Equal("aggregationProperties.n", Assert.Single(Compared(ResourceKind.AggregationProperties, Live, part)).Path);
    }

    /// <summary>As the planner compares: the live body normalised, against the part of the declaration the kind compares.</summary>
    private static IReadOnlyList<PropertyDiff> Compared(ResourceKind kind, string live, JsonObject desired)
        => JsonBodies.Diff(JsonBodies.Normalize(kind, JsonNode.Parse(live)!.AsObject(), desired), JsonBodies.Compared(kind, desired));

    [Fact]
    public void ArrayOrderMatters()
    {
        var diff = Assert.Single(Diff("""{"p":{"label":["a","b"]}}""", """{"p":{"label":["b","a"]}}"""));
        Assert.Equal(("p.label", DiffKind.Update), (diff.Path, diff.Kind));
    }

    [Fact]
    public void NestedChangesUseDottedPathsAndKinds()
    {
        var diffs = Diff(
            """{"schema":{"properties":{"link":{"type":"string","format":"uri"},"old":{"type":"string"}}},"title":"T"}""",
            """{"schema":{"properties":{"link":{"type":"string","format":"url"},"new":{"type":"number"}}},"title":"T"}""");

        Assert.Equal(
            [("schema.properties.link.format", DiffKind.Update), ("schema.properties.new", DiffKind.Add), ("schema.properties.old", DiffKind.Delete)],
            diffs.Select(d => (d.Path, d.Kind)));
        Assert.Equal("uri", diffs[0].Old!.GetValue<string>());
        Assert.Equal("url", diffs[0].New!.GetValue<string>());
    }

    [Fact]
    public void AnExtraNonNullHeaderInLiveIsADifference()
    {
        var diff = Assert.Single(Diff("""{"invocationMethod":{"headers":{"A":"1","X-Extra":"y"}}}""", """{"invocationMethod":{"headers":{"A":"1"}}}""", ResourceKind.Action));
        Assert.Equal(("invocationMethod.headers.X-Extra", DiffKind.Delete), (diff.Path, diff.Kind));
    }

    [Fact]
    public void TypeChangesAreUpdates()
    {
        var diff = Assert.Single(Diff("""{"a":"1"}""", """{"a":1}"""));
        Assert.Equal(DiffKind.Update, diff.Kind);
    }
}
