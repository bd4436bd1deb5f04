using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;
using Emulators.Port.Entities;
using Microsoft.Extensions.Time.Testing;
using static Infra.Tests.Emulators.Port.Catalogue.CatalogueJson;

namespace Infra.Tests.Emulators.Port.Catalogue;

/// <summary>Mirror and aggregation properties: definitions checked as the OpenAPI and docs describe them, values computed on read.</summary>
public sealed class CalculatedPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static async Task<PortTestHost> StartAsync(FakeTimeProvider? clock = null, RelationBehaviour? behaviour = null)
    {
        var host = await PortTestHost.StartAsync(new PortEmulatorOptions { Time = clock ?? new FakeTimeProvider(Now), Relations = behaviour ?? new RelationBehaviour() });
        await host.CreateBlueprintAsync(Blueprint("space", """{ "parent": { "target": "space", "required": false, "many": false } }"""));
        await host.CreateBlueprintAsync(Blueprint("stack",
            """{ "space": { "target": "space", "required": false, "many": false }, "owners": { "target": "space", "required": false, "many": true } }""",
            """{ "tier": { "type": "string" } }"""));
        await host.CreateBlueprintAsync(Blueprint("run", """{ "stack": { "target": "stack", "required": true, "many": false } }""",
            """{ "state": { "type": "string" }, "minutes": { "type": "number" }, "at": { "type": "string", "format": "date-time" } }"""));
        await host.CreateBlueprintAsync(Blueprint("lonely"));
        return host;
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> Patch(PortTestHost host, string blueprint, string json)
        => host.SendAsync(HttpMethod.Patch, $"/v1/blueprints/{blueprint}", Parse(json));

    [Theory]
    [InlineData("""{ "m": { "path": "tier" } }""", "must be relation identifiers and a property")]
    [InlineData("""{ "m": { "path": "nope.$title" } }""", "'nope' is not a relation of blueprint 'stack'")]
    [InlineData("""{ "m": { "path": "owners.$title" } }""", "'owners' is a many relation")]
    [InlineData("""{ "m": { "path": "space.color" } }""", "'color' is neither a property nor a meta-property of blueprint 'space'")]
    [InlineData("""{ "m": { "path": "space.$title", "hint": "x" } }""", "additional property 'hint'")]
    [InlineData("""{ "tier": { "path": "space.$title" } }""", "'tier' is already used in body/schema/properties")]
    public async Task MirrorPathsMustLeadThroughSingleRelationsToAProperty(string mirrors, string problem)
    {
        await using var host = await StartAsync();

        var (status, body) = await Patch(host, "stack", $$"""{ "mirrorProperties": {{mirrors}} }""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(problem, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "sum" } }""", "func must be one of count, average")]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "average" } }""", "required property 'averageOf'")]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "property", "func": "max", "property": "state" } }""", "'state' is not a number property")]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "average", "averageOf": "week", "measureTimeBy": "state" } }""", "'state' is not a date-time property")]
    [InlineData("""{ "title": "n", "target": "lonely", "calculationSpec": { "calculationBy": "entities", "func": "count" } }""", "'lonely' is not related")]
    [InlineData("""{ "title": "n", "target": "run", "type": "string", "calculationSpec": { "calculationBy": "entities", "func": "count" } }""", "type must be one of number")]
    [InlineData("""{ "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" } }""", "required property 'title'")]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" }, "query": { "combinator": "and", "rules": [ { "property": "at", "operator": "between", "value": { "preset": "nextWeek" } } ] } }""", "'nextWeek' is not one of Port's date presets")]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" }, "pathFilter": [ { "path": ["space"] } ] }""", "path leads from 'stack' to 'space', not to 'run'")]
    [InlineData("""{ "title": "n", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" }, "pathFilter": [ { "path": ["stack"], "fromBlueprint": "space" } ] }""", "fromBlueprint must be the target blueprint 'run'")]
    public async Task AggregationDefinitionsFollowTheOpenApiAndTheDocs(string aggregation, string problem)
    {
        await using var host = await StartAsync();

        var (status, body) = await Patch(host, "stack", $$"""{ "aggregationProperties": { "n": {{aggregation}} } }""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(problem, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAggregationOverAMissingBlueprintIsNotFound()
    {
        await using var host = await StartAsync();

        var (status, body) = await Patch(host, "stack", """{ "aggregationProperties": { "n": { "title": "n", "target": "ghost", "calculationSpec": { "calculationBy": "entities", "func": "count" } } } }""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Blueprint with identifier \"ghost\" was not found", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task PropertyFunctionsAndUnfilteredAggregationsFollowRelationsInOneDirection()
    {
        await using var host = await StartAsync();
        var stackPatch = await Patch(host, "stack", """
            { "aggregationProperties": {
                "total": { "title": "t", "target": "run", "calculationSpec": { "calculationBy": "property", "func": "sum", "property": "minutes" } },
                "longest": { "title": "l", "target": "run", "calculationSpec": { "calculationBy": "property", "func": "max", "property": "minutes" } },
                "median": { "title": "m", "target": "run", "calculationSpec": { "calculationBy": "property", "func": "median", "property": "minutes" } },
                "mean": { "title": "a", "target": "run", "calculationSpec": { "calculationBy": "property", "func": "average", "property": "minutes", "averageOf": "total" } },
                "perWeek": { "title": "w", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "average", "averageOf": "week", "measureTimeBy": "at" } } } }
            """);
        var spacePatch = await Patch(host, "space", """{ "aggregationProperties": { "runs": { "title": "r", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" } } } }""");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stackPatch.Status, spacePatch.Status));
        await host.PostAsync("/v1/blueprints/space/entities", Entity("root"));
        await host.PostAsync("/v1/blueprints/space/entities", Entity("prod", new() { ["parent"] = "root" }));
        await host.PostAsync("/v1/blueprints/space/entities", Entity("dev", new() { ["parent"] = "root" }));
        await host.PostAsync("/v1/blueprints/stack/entities", Entity("a", new() { ["space"] = "prod" }));
        await host.PostAsync("/v1/blueprints/stack/entities", Entity("b", new() { ["space"] = "dev" }));
        foreach (var (id, stack, minutes, daysAgo) in new[] { ("r1", "a", 3, 1), ("r2", "a", 9, 8), ("r3", "a", 4, 15), ("r4", "b", 100, 2) })
        {
            await host.PostAsync("/v1/blueprints/run/entities", Entity(id, new() { ["stack"] = stack },
                new() { ["minutes"] = minutes, ["at"] = Now.AddDays(-daysAgo).ToString("O") }));
        }

        var a = (await host.GetAsync("/v1/blueprints/stack/entities/a")).Body["entity"]!["properties"]!;
        var b = (await host.GetAsync("/v1/blueprints/stack/entities/b")).Body["entity"]!["properties"]!;
        var spaces = (await host.GetAsync("/v1/blueprints/space/entities")).Body["entities"]!.AsArray()
            .ToDictionary(e => e!["identifier"]!.GetValue<string>(), e => e!["properties"]!["runs"]!.GetValue<int>());

        Assert.Equal((16, 9, 4), (a["total"]!.GetValue<int>(), a["longest"]!.GetValue<int>(), a["median"]!.GetValue<int>()));
        Assert.Equal(16 / 3.0, a["mean"]!.GetValue<double>(), 6);
        Assert.Equal(1, a["perWeek"]!.GetValue<int>());
        Assert.Equal(100, b["median"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["root"] = 4, ["prod"] = 3, ["dev"] = 1 }, spaces);
    }

    [Fact]
    public async Task AnEmptySetCountsZeroAndHasNoMaximum()
    {
        await using var host = await StartAsync();
        await Patch(host, "stack", """
            { "aggregationProperties": {
                "count": { "title": "c", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" } },
                "longest": { "title": "l", "target": "run", "calculationSpec": { "calculationBy": "property", "func": "max", "property": "minutes" } } } }
            """);
        await host.PostAsync("/v1/blueprints/stack/entities", Entity("a"));

        var a = (await host.GetAsync("/v1/blueprints/stack/entities/a")).Body["entity"]!["properties"]!.AsObject();

        Assert.Equal(0, a["count"]!.GetValue<int>());
        Assert.True(a.ContainsKey("longest"));
        Assert.Null(a["longest"]);
    }

    [Fact]
    public async Task WithARefreshIntervalAValueStaysUntilItsIntervalEnds()
    {
        var clock = new FakeTimeProvider(Now);
        await using var host = await StartAsync(clock, new RelationBehaviour { AggregationRefresh = TimeSpan.FromMinutes(15) });
        await Patch(host, "stack", """{ "aggregationProperties": { "count": { "title": "c", "target": "run", "calculationSpec": { "calculationBy": "entities", "func": "count" } } } }""");
        await host.PostAsync("/v1/blueprints/stack/entities", Entity("a"));
        async Task<int> CountAsync() => (await host.GetAsync("/v1/blueprints/stack/entities/a")).Body["entity"]!["properties"]!["count"]!.GetValue<int>();

        var first = await CountAsync();
        await host.PostAsync("/v1/blueprints/run/entities", Entity("r1", new() { ["stack"] = "a" }));
        var stale = await CountAsync();
        clock.Advance(TimeSpan.FromMinutes(15));
        var refreshed = await CountAsync();

        Assert.Equal((0, 0, 1), (first, stale, refreshed));
    }

    [Fact]
    public async Task MirrorValuesFollowTheRelationAsItChanges()
    {
        await using var host = await StartAsync();
        await Patch(host, "run", """{ "mirrorProperties": { "spaceId": { "path": "stack.space.$identifier" }, "tier": { "path": "stack.tier" } } }""");
        await host.PostAsync("/v1/blueprints/space/entities", Entity("prod"));
        await host.PostAsync("/v1/blueprints/stack/entities", Entity("a", properties: new() { ["tier"] = "gold" }));
        await host.PostAsync("/v1/blueprints/run/entities", Entity("r1", new() { ["stack"] = "a" }));

        var before = (await host.GetAsync("/v1/blueprints/run/entities/r1")).Body["entity"]!["properties"]!.AsObject();
        await host.PostAsync("/v1/blueprints/stack/entities?upsert=true&merge=true", Entity("a", new() { ["space"] = "prod" }));
        var after = (await host.GetAsync("/v1/blueprints/run/entities/r1?include=properties.spaceId")).Body["entity"]!["properties"]!.AsObject();

        Assert.Null(before["spaceId"]);
        Assert.Equal("gold", before["tier"]!.GetValue<string>());
        Assert.Equal("prod", after["spaceId"]!.GetValue<string>());
        Assert.False(after.ContainsKey("tier"));
    }
}
