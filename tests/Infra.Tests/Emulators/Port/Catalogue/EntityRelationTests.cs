using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;
using Emulators.Port.Entities;
using static Infra.Tests.Emulators.Port.Catalogue.CatalogueJson;

namespace Infra.Tests.Emulators.Port.Catalogue;

/// <summary>Entity relations: targets must exist (or be created bare on request), values read back as written, deletes follow relations.</summary>
public sealed class EntityRelationTests
{
    private const string Spaces = "/v1/blueprints/space/entities";
    private const string Stacks = "/v1/blueprints/stack/entities";

    private static async Task<PortTestHost> StartAsync(RelationBehaviour? behaviour = null)
    {
        var host = await PortTestHost.StartAsync(new PortEmulatorOptions { Relations = behaviour ?? new RelationBehaviour() });
        await host.CreateBlueprintAsync(Blueprint("space", """{ "parentSpace": { "target": "space", "required": false, "many": false } }"""));
        await host.CreateBlueprintAsync(Blueprint("stack", """
            { "space": { "target": "space", "required": true, "many": false },
              "watchers": { "target": "space", "required": false, "many": true } }
            """));
        return host;
    }

    private static JsonObject Stack(string id, string space, params string[] watchers)
        => Entity(id, new JsonObject { ["space"] = space, ["watchers"] = new JsonArray([.. watchers.Select(w => (JsonNode?)w)]) });

    [Fact]
    public async Task AMissingTargetIsNotFoundSinglyAndPerItemInABulkWrite()
    {
        await using var host = await StartAsync();
        await host.PostAsync(Spaces, Entity("root"));

        var (single, singleBody) = await host.PostAsync(Stacks, Stack("s1", "nowhere"));
        var (bulk, bulkBody) = await host.PostAsync($"{Stacks}/bulk?upsert=true",
            new JsonObject { ["entities"] = new JsonArray(Stack("ok", "root"), Stack("bad", "root", "nowhere")) });

        Assert.Equal(HttpStatusCode.NotFound, single);
        Assert.Equal("not_found", Error(singleBody));
        Assert.Equal((HttpStatusCode)207, bulk);
        var error = Assert.Single(bulkBody["errors"]!.AsArray())!;
        Assert.Equal(("bad", 1, 404, "not_found"), (error["identifier"]!.GetValue<string>(), error["index"]!.GetValue<int>(), error["statusCode"]!.GetValue<int>(), error["error"]!.GetValue<string>()));
        Assert.Equal("ok", Assert.Single(bulkBody["entities"]!.AsArray())!["identifier"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateMissingRelatedEntitiesMakesBareTargets()
    {
        await using var host = await StartAsync();

        var (status, _) = await host.PostAsync($"{Stacks}?create_missing_related_entities=true", Stack("s1", "prod", "audit"));
        var (_, space) = await host.GetAsync($"{Spaces}/prod");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("prod", space["entity"]!["identifier"]!.GetValue<string>());
        Assert.Null(space["entity"]!["title"]);
        Assert.Equal(2, host.Emulator.EntityCount("space"));
    }

    [Fact]
    public async Task RelationsReadBackAsIdentifiersOrWithTitles()
    {
        await using var host = await StartAsync();
        await host.PostAsync(Spaces, Entity("root"));
        await host.PostAsync(Spaces, Entity("prod", new() { ["parentSpace"] = "root" }));
        await host.PostAsync(Stacks, Stack("s1", "prod", "root", "prod"));

        var (_, plain) = await host.GetAsync($"{Stacks}/s1");
        var (_, titled) = await host.GetAsync($"{Stacks}/s1?attach_title_to_relation=true");
        var (_, root) = await host.GetAsync($"{Spaces}/root");

        Assert.Equal("prod", plain["entity"]!["relations"]!["space"]!.GetValue<string>());
        Assert.Equal("""["root","prod"]""", plain["entity"]!["relations"]!["watchers"]!.ToJsonString());
        Assert.Equal("""{"identifier":"prod","title":"PROD"}""", titled["entity"]!["relations"]!["space"]!.ToJsonString());
        Assert.Equal("ROOT", titled["entity"]!["relations"]!["watchers"]![0]!["title"]!.GetValue<string>());
        Assert.Null(root["entity"]!["relations"]!["parentSpace"]);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.NotFound)]
    public async Task ABulkItemMayRelateToAnEarlierItemOnlyWhenTheSwitchSaysSo(bool sequential, HttpStatusCode child)
    {
        await using var host = await StartAsync(new RelationBehaviour { BulkSeesEarlierItems = sequential });

        var (_, body) = await host.PostAsync($"/v1/blueprints/space/entities/bulk?upsert=true",
            new JsonObject { ["entities"] = new JsonArray(Entity("root"), Entity("prod", new() { ["parentSpace"] = "root" })) });
        var (_, retried) = await host.PostAsync($"/v1/blueprints/space/entities/bulk?upsert=true&create_missing_related_entities=true",
            new JsonObject { ["entities"] = new JsonArray(Entity("dev", new() { ["parentSpace"] = "qa" }), Entity("qa", properties: [])) });

        var errors = body["errors"]!.AsArray();
        Assert.Equal(child == HttpStatusCode.OK ? 0 : 1, errors.Count);
        Assert.All(errors, e => Assert.Equal((int)child, e!["statusCode"]!.GetValue<int>()));
        Assert.Empty(retried["errors"]!.AsArray());
        var (_, qa) = await host.GetAsync($"{Spaces}/qa");
        Assert.Equal("QA", qa["entity"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingATargetIsBlockedByRequiredRelationsAndClearsOptionalOnes()
    {
        await using var host = await StartAsync();
        await host.PostAsync(Spaces, Entity("root"));
        await host.PostAsync(Spaces, Entity("prod", new() { ["parentSpace"] = "root" }));
        await host.PostAsync(Stacks, Stack("s1", "prod", "root", "prod"));

        var (blocked, blockedBody) = await host.SendAsync(HttpMethod.Delete, $"{Spaces}/prod");
        var (optional, _) = await host.SendAsync(HttpMethod.Delete, $"{Spaces}/root");
        var (_, stack) = await host.GetAsync($"{Stacks}/s1");
        var (_, prod) = await host.GetAsync($"{Spaces}/prod");
        var (cascade, _) = await host.SendAsync(HttpMethod.Delete, $"{Spaces}/prod?delete_dependents=true");

        Assert.Equal(HttpStatusCode.Forbidden, blocked);
        Assert.Equal("has_dependents", Error(blockedBody));
        Assert.Equal(HttpStatusCode.OK, optional);
        Assert.Equal("""["prod"]""", stack["entity"]!["relations"]!["watchers"]!.ToJsonString());
        Assert.Null(prod["entity"]!["relations"]!["parentSpace"]);
        Assert.Equal(HttpStatusCode.OK, cascade);
        Assert.Equal(0, host.Emulator.EntityCount("stack"));
    }

    [Fact]
    public async Task KeptDanglingRelationsAndDeletingAlongAnyRelationArePlayedBySwitches()
    {
        await using var keep = await StartAsync(new RelationBehaviour { OnTargetDeleted = DanglingRelations.Keep });
        await using var any = await StartAsync(new RelationBehaviour { DeleteDependents = DependentsScope.AnyRelation });
        foreach (var host in new[] { keep, any })
        {
            await host.PostAsync(Spaces, Entity("root"));
            await host.PostAsync(Spaces, Entity("prod", new() { ["parentSpace"] = "root" }));
            await host.PostAsync(Stacks, Stack("s1", "prod", "root"));
        }

        await keep.SendAsync(HttpMethod.Delete, $"{Spaces}/root");
        var (_, kept) = await keep.GetAsync($"{Stacks}/s1");
        var (plain, _) = await any.SendAsync(HttpMethod.Delete, $"{Spaces}/root");
        var survivors = (any.Emulator.EntityCount("space"), any.Emulator.EntityCount("stack"));
        await any.PostAsync(Spaces, Entity("root"));
        await any.PostAsync($"{Spaces}?upsert=true", Entity("prod", new() { ["parentSpace"] = "root" }));
        await any.PostAsync($"{Stacks}?upsert=true", Stack("s1", "prod", "root"));
        var (cascade, _) = await any.SendAsync(HttpMethod.Delete, $"{Spaces}/root?delete_dependents=true");

        Assert.Equal("""["root"]""", kept["entity"]!["relations"]!["watchers"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, plain);
        Assert.Equal((1, 1), survivors);
        Assert.Equal(HttpStatusCode.OK, cascade);
        Assert.Equal((0, 0), (any.Emulator.EntityCount("space"), any.Emulator.EntityCount("stack")));
    }
}
