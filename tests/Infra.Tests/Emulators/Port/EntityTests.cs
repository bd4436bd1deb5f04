using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

public sealed class EntityTests
{
    private const string Entities = "/v1/blueprints/space_lift_stack/entities";

    private static async Task<PortTestHost> StartWithBlueprintAsync()
    {
        var host = await PortTestHost.StartAsync();
        var blueprint = GuideResources.Blueprint();
        blueprint["schema"]!["properties"]!["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("stack", "module") };
        blueprint["schema"]!["properties"]!["count"] = new JsonObject { ["type"] = "number" };
        await host.CreateBlueprintAsync(blueprint);
        return host;
    }

    private static JsonObject Stack(string identifier, JsonObject? properties = null) => new()
    {
        ["identifier"] = identifier,
        ["title"] = identifier.ToUpperInvariant(),
        ["properties"] = properties ?? new JsonObject { ["state"] = "FINISHED", ["link"] = $"https://acme.app.spacelift.io/stack/{identifier}" },
        ["relations"] = new JsonObject(),
    };

    [Fact]
    public async Task CreateAnswers201WithTheFullEntityShape()
    {
        await using var host = await StartWithBlueprintAsync();

        var (status, body) = await host.PostAsync(Entities, Stack("ai-agent"));

        Assert.Equal(HttpStatusCode.Created, status);
        var entity = body["entity"]!.AsObject();
        Assert.Equal("space_lift_stack", entity["blueprint"]!.GetValue<string>());
        Assert.Equal("AI-AGENT", entity["title"]!.GetValue<string>());
        Assert.Empty(entity["team"]!.AsArray());
        Assert.True(entity["properties"]!.AsObject().ContainsKey("branch"));
        Assert.Null(entity["properties"]!["branch"]);
        Assert.Matches(@"Z$", entity["updatedAt"]!.GetValue<string>());
        Assert.Equal("emulator", entity["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreatingAnExistingIdentifierWithoutUpsertAnswers409()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync(Entities, Stack("s1"));

        var (status, body) = await host.PostAsync(Entities, Stack("s1"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("identifier_taken", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertReplacesTheWholeEntityAndAnswers200()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync(Entities, Stack("s1", new JsonObject { ["state"] = "FINISHED", ["branch"] = "main" }));

        var (status, body) = await host.PostAsync($"{Entities}?upsert=true", Stack("s1", new JsonObject { ["state"] = "FAILED" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("FAILED", body["entity"]!["properties"]!["state"]!.GetValue<string>());
        Assert.Null(body["entity"]!["properties"]!["branch"]);
    }

    [Fact]
    public async Task UpsertWithMergeKeepsFieldsNotProvided()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync(Entities, Stack("s1", new JsonObject { ["state"] = "FINISHED", ["branch"] = "main" }));

        var (status, body) = await host.PostAsync($"{Entities}?upsert=true&merge=true", new JsonObject
        {
            ["identifier"] = "s1", ["properties"] = new JsonObject { ["state"] = "FAILED" },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("FAILED", body["entity"]!["properties"]!["state"]!.GetValue<string>());
        Assert.Equal("main", body["entity"]!["properties"]!["branch"]!.GetValue<string>());
        Assert.Equal("S1", body["entity"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertOfANewEntityAnswers201()
    {
        await using var host = await StartWithBlueprintAsync();

        var (status, _) = await host.PostAsync($"{Entities}?upsert=true&run_id=r_1&exclude_calculated_properties=true", Stack("new"));

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Theory]
    [InlineData("""{ "state": 3 }""", "state")]
    [InlineData("""{ "link": "not a url" }""", "link")]
    [InlineData("""{ "link": "ftp://host/x" }""", "link")]
    [InlineData("""{ "kind": "other" }""", "kind")]
    [InlineData("""{ "label": ["ok", 1] }""", "label")]
    [InlineData("""{ "count": "3" }""", "count")]
    [InlineData("""{ "unknown_key": "x" }""", "unknown_key")]
    public async Task PropertiesNotMatchingTheSchemaAnswer422NamingTheProperty(string properties, string named)
    {
        await using var host = await StartWithBlueprintAsync();

        var (status, body) = await host.PostAsync(Entities, Stack("s1", JsonNode.Parse(properties)!.AsObject()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("blueprint_schema_mismatch", body["error"]!.GetValue<string>());
        Assert.Contains($"'{named}", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingRequiredPropertyAnswers422()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(JsonNode.Parse("""
            { "identifier": "svc", "title": "Svc", "schema": { "properties": { "owner": { "type": "string" } }, "required": ["owner"] } }
            """)!.AsObject());

        var (status, body) = await host.PostAsync("/v1/blueprints/svc/entities", new JsonObject { ["identifier"] = "a" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("blueprint_schema_mismatch", body["error"]!.GetValue<string>());
        Assert.Contains("owner", body["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("stack-1", true)]
    [InlineData("a=b/c\\d:e+f.g@h", true)]
    [InlineData(".", false)]
    [InlineData("with space", false)]
    [InlineData("semi;colon", false)]
    public async Task EntityIdentifierRules(string identifier, bool accepted)
    {
        await using var host = await StartWithBlueprintAsync();

        var (status, _) = await host.PostAsync(Entities, Stack(identifier));

        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task EntityIdentifierUpTo1000CharactersIsAccepted()
    {
        await using var host = await StartWithBlueprintAsync();

        var (ok, _) = await host.PostAsync(Entities, Stack(new string('a', 1000)));
        var (tooLong, _) = await host.PostAsync(Entities, Stack(new string('b', 1001)));

        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong);
    }

    [Fact]
    public async Task ValidationOnlyValidatesWithoutPersisting()
    {
        await using var host = await StartWithBlueprintAsync();

        var (valid, _) = await host.PostAsync($"{Entities}?validation_only=true", Stack("s1"));
        var (invalid, _) = await host.PostAsync($"{Entities}?validation_only=true", Stack("s2", new JsonObject { ["link"] = "nope" }));

        Assert.Equal(HttpStatusCode.Created, valid);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal(0, host.Emulator.EntityCount("space_lift_stack"));
    }

    [Fact]
    public async Task BulkAnswers200WhenAllSucceed()
    {
        await using var host = await StartWithBlueprintAsync();
        var body = new JsonObject { ["entities"] = new JsonArray(Stack("a"), Stack("b")) };

        var (status, answer) = await host.PostAsync($"{Entities}/bulk?upsert=true", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([0, 1], answer["entities"]!.AsArray().Select(e => e!["index"]!.GetValue<int>()));
        Assert.All(answer["entities"]!.AsArray(), e => Assert.True(e!["created"]!.GetValue<bool>()));
        Assert.Empty(answer["errors"]!.AsArray());
    }

    [Fact]
    public async Task BulkAnswers207WithPerIndexErrors()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync(Entities, Stack("a"));
        var body = new JsonObject { ["entities"] = new JsonArray(Stack("a"), Stack("b", new JsonObject { ["link"] = "bad" }), Stack("c")) };

        var (status, answer) = await host.PostAsync($"{Entities}/bulk?upsert=true", body);

        Assert.Equal(HttpStatusCode.MultiStatus, status);
        Assert.True(answer["ok"]!.GetValue<bool>());
        Assert.Equal([0, 2], answer["entities"]!.AsArray().Select(e => e!["index"]!.GetValue<int>()));
        Assert.False(answer["entities"]![0]!["created"]!.GetValue<bool>());
        var error = Assert.Single(answer["errors"]!.AsArray())!;
        Assert.Equal(1, error["index"]!.GetValue<int>());
        Assert.Equal("b", error["identifier"]!.GetValue<string>());
        Assert.Equal(422, error["statusCode"]!.GetValue<int>());
        Assert.Equal("blueprint_schema_mismatch", error["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task BulkTakesOneToTwentyEntities(int count)
    {
        await using var host = await StartWithBlueprintAsync();
        var body = new JsonObject { ["entities"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)Stack($"s{i}"))]) };

        var (status, _) = await host.PostAsync($"{Entities}/bulk", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task PatchIsStrictAndMerges()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync(Entities, Stack("s1"));

        var (strict, _) = await host.SendAsync(HttpMethod.Patch, $"{Entities}/s1", new JsonObject { ["blueprint"] = "space_lift_stack" });
        var (status, body) = await host.SendAsync(HttpMethod.Patch, $"{Entities}/s1", new JsonObject { ["properties"] = new JsonObject { ["branch"] = "dev" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dev", body["entity"]!["properties"]!["branch"]!.GetValue<string>());
        Assert.Equal("FINISHED", body["entity"]!["properties"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutReplacesAnExistingEntityAndToleratesEchoedMeta()
    {
        await using var host = await StartWithBlueprintAsync();
        var (_, created) = await host.PostAsync(Entities, Stack("s1"));
        var echoed = created["entity"]!.AsObject();
        echoed["properties"] = new JsonObject { ["state"] = "FAILED" };

        var (status, body) = await host.SendAsync(HttpMethod.Put, $"{Entities}/s1", echoed);
        var (missing, _) = await host.SendAsync(HttpMethod.Put, $"{Entities}/nope", Stack("nope"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["entity"]!["properties"]!["link"]);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task GetDeleteAndNotFound()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync(Entities, Stack("a/b"));

        var (found, entity) = await host.GetAsync($"{Entities}/a%2Fb");
        var (deleted, _) = await host.SendAsync(HttpMethod.Delete, $"{Entities}/a%2Fb");
        var (gone, error) = await host.GetAsync($"{Entities}/a%2Fb");
        var (noBlueprint, _) = await host.GetAsync("/v1/blueprints/nope/entities/x");

        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal("a/b", entity["entity"]!["identifier"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal("not_found", error["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, noBlueprint);
    }

    [Fact]
    public async Task RelationsMustTargetExistingEntitiesAndDependentsBlockDeletes()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(JsonNode.Parse("""{ "identifier": "space", "title": "Space", "schema": { "properties": {} } }""")!.AsObject());
        await host.CreateBlueprintAsync(JsonNode.Parse("""
            { "identifier": "stack", "title": "Stack", "schema": { "properties": {} },
              "relations": { "space": { "target": "space", "required": true, "many": false } } }
            """)!.AsObject());
        JsonObject InSpace(string space) => new() { ["identifier"] = "s1", ["relations"] = new JsonObject { ["space"] = space } };

        var (missingTarget, notFound) = await host.PostAsync("/v1/blueprints/stack/entities", InSpace("root"));
        var (created, _) = await host.PostAsync("/v1/blueprints/stack/entities?create_missing_related_entities=true", InSpace("root"));
        var (many, manyError) = await host.PostAsync("/v1/blueprints/stack/entities?upsert=true",
            new JsonObject { ["identifier"] = "s1", ["relations"] = new JsonObject { ["space"] = new JsonArray("root") } });
        var (required, requiredError) = await host.PostAsync("/v1/blueprints/stack/entities", new JsonObject { ["identifier"] = "s2" });
        var (blocked, blockedError) = await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space/entities/root");
        var (cascade, _) = await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space/entities/root?delete_dependents=true");

        Assert.Equal(HttpStatusCode.NotFound, missingTarget);
        Assert.Equal("not_found", notFound["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many);
        Assert.Equal("relation_many_violation", manyError["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, required);
        Assert.Equal("required_relation", requiredError["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, blocked);
        Assert.Equal("has_dependents", blockedError["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, cascade);
        Assert.Equal(0, host.Emulator.EntityCount("stack"));
    }

    [Fact]
    public async Task BulkDeleteRemovesUpToAHundredEntities()
    {
        await using var host = await StartWithBlueprintAsync();
        await host.PostAsync($"{Entities}/bulk", new JsonObject { ["entities"] = new JsonArray(Stack("a"), Stack("b"), Stack("c")) });

        var (status, body) = await host.PostAsync("/v1/blueprints/space_lift_stack/bulk/entities/delete", new JsonObject { ["entities"] = new JsonArray("a", "c") });
        var (tooMany, _) = await host.PostAsync("/v1/blueprints/space_lift_stack/bulk/entities/delete",
            new JsonObject { ["entities"] = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)$"x{i}")]) });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["a", "c"], body["deletedEntities"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["b"], host.Emulator.Entities("space_lift_stack").Select(e => e["identifier"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany);
    }
}
