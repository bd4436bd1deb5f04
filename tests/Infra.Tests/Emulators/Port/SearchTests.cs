using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Infra.Tests.Emulators.Port;

public sealed class SearchTests(ITestOutputHelper output)
{
    private const string Search = "/v1/blueprints/space_lift_stack/entities/search";

    private static async Task<PortTestHost> StartWithStacksAsync(int count)
    {
        var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        for (var start = 0; start < count; start += 20)
        {
            var batch = new JsonArray([.. Enumerable.Range(start, Math.Min(20, count - start)).Select(i => (JsonNode)new JsonObject
            {
                ["identifier"] = $"stack-{i:D5}",
                ["title"] = $"Stack {i}",
                ["properties"] = new JsonObject { ["state"] = i % 2 == 0 ? "FINISHED" : "FAILED", ["space"] = i % 3 == 0 ? "root" : "dev" },
            })]);
            var (status, _) = await host.PostAsync("/v1/blueprints/space_lift_stack/entities/bulk?upsert=true", new JsonObject { ["entities"] = batch });
            Assert.Equal(HttpStatusCode.OK, status);
        }

        return host;
    }

    private static async Task<List<string>> PageAllAsync(PortTestHost host, JsonObject? query, int limit)
    {
        var seen = new List<string>();
        string? from = null;
        for (var page = 0; page < 10_000; page++)
        {
            var body = new JsonObject { ["limit"] = limit };
            if (query is not null)
            {
                body["query"] = query.DeepClone();
            }

            if (from is not null)
            {
                body["from"] = from;
            }

            var (status, answer) = await host.PostAsync(Search, body);
            Assert.Equal(HttpStatusCode.OK, status);
            seen.AddRange(answer["entities"]!.AsArray().Select(e => e!["identifier"]!.GetValue<string>()));
            from = answer["next"]?.GetValue<string>();
            if (from is null)
            {
                return seen;
            }
        }

        throw new InvalidOperationException("paging did not end");
    }

    [Fact]
    public async Task PagingWalksEveryEntityOnceInAStableOrder()
    {
        await using var host = await StartWithStacksAsync(2_500);

        var seen = await PageAllAsync(host, query: null, limit: 1000);

        Assert.Equal(2_500, seen.Count);
        Assert.Equal(2_500, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task DefaultLimitIs200AndTheLastPageHasNoNext()
    {
        await using var host = await StartWithStacksAsync(250);

        var (_, first) = await host.PostAsync(Search, new JsonObject());
        var (_, last) = await host.PostAsync(Search, new JsonObject { ["from"] = first["next"]!.GetValue<string>() });

        Assert.Equal(200, first["entities"]!.AsArray().Count);
        Assert.Equal(50, last["entities"]!.AsArray().Count);
        Assert.Null(last["next"]);
    }

    [Fact]
    public async Task PagingWithAQueryReturnsOnlyMatches()
    {
        await using var host = await StartWithStacksAsync(300);
        var query = JsonNode.Parse("""{ "combinator": "and", "rules": [ { "property": "state", "operator": "=", "value": "FAILED" } ] }""")!.AsObject();

        var seen = await PageAllAsync(host, query, limit: 7);

        Assert.Equal(150, seen.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(2.5)]
    public async Task LimitMustBeOneToAThousand(double limit)
    {
        await using var host = await StartWithStacksAsync(1);

        var (status, _) = await host.PostAsync(Search, new JsonObject { ["limit"] = limit });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task IncludeProjectsTheAnsweredEntities()
    {
        await using var host = await StartWithStacksAsync(1);

        var (_, answer) = await host.PostAsync(Search, JsonNode.Parse("""{ "include": ["$identifier", "state"] }""")!);

        var entity = answer["entities"]![0]!.AsObject();
        Assert.Equal("stack-00000", entity["identifier"]!.GetValue<string>());
        Assert.False(entity.ContainsKey("title"));
        Assert.Equal(["state"], entity["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task GlobalSearchSupportsBlueprintIdentifierTitlePropertiesAndNestedGroups()
    {
        await using var host = await StartWithStacksAsync(12);
        var query = JsonNode.Parse("""
            { "combinator": "and", "rules": [
                { "property": "$blueprint", "operator": "=", "value": "space_lift_stack" },
                { "property": "$identifier", "operator": "!=", "value": "stack-00000" },
                { "combinator": "or", "rules": [
                    { "property": "space", "operator": "in", "value": ["root"] },
                    { "property": "$title", "operator": "=", "value": "Stack 1" } ] } ] }
            """)!;

        var (status, answer) = await host.PostAsync("/v1/entities/search?exclude_calculated_properties=true", query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["space_lift_stack"], answer["matchingBlueprints"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal(
            ["stack-00001", "stack-00003", "stack-00006", "stack-00009"],
            answer["entities"]!.AsArray().Select(e => e!["identifier"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnsupportedOperatorsAreRejectedByName()
    {
        await using var host = await StartWithStacksAsync(1);
        var query = JsonNode.Parse("""{ "combinator": "and", "rules": [ { "property": "space", "operator": "relatedTo", "value": "x" } ] }""")!;

        var (status, answer) = await host.PostAsync("/v1/entities/search", query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("relatedTo", answer["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwentyThousandEntitiesAreStoredAndPaged()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, _) =>
        {
            var entities = new JsonArray([.. Enumerable.Range(batch * 20, 20).Select(i => (JsonNode)new JsonObject
            {
                ["identifier"] = $"s{i:D5}", ["title"] = $"S{i}", ["properties"] = new JsonObject { ["state"] = "FINISHED" },
            })]);
            var (status, _) = await host.PostAsync("/v1/blueprints/space_lift_stack/entities/bulk?upsert=true", new JsonObject { ["entities"] = entities });
            Assert.Equal(HttpStatusCode.OK, status);
        });

        var seen = await PageAllAsync(host, query: null, limit: 1000);
        clock.Stop();

        Assert.Equal(20_000, host.Emulator.EntityCount("space_lift_stack"));
        Assert.Equal(20_000, seen.Distinct().Count());
        // How long it took is a figure, not a verdict: the machine is shared and noisy.
        output.WriteLine($"20,000 entities stored in 1,000 bulk calls and paged back in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
