using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

public sealed class BlueprintTests
{
    private static JsonObject Minimal(string identifier) => new()
    {
        ["identifier"] = identifier,
        ["title"] = "T",
        ["schema"] = new JsonObject { ["properties"] = new JsonObject() },
    };

    [Fact]
    public async Task CreateAnswers201WithMetaFieldsAndDefaults()
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.PostAsync("/v1/blueprints?create_catalog_page=false", GuideResources.Blueprint());

        Assert.Equal(HttpStatusCode.Created, status);
        var blueprint = body["blueprint"]!.AsObject();
        Assert.Equal("space_lift_stack", blueprint["identifier"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", blueprint["createdAt"]!.GetValue<string>());
        Assert.Equal("emulator", blueprint["updatedBy"]!.GetValue<string>());
        Assert.Equal("url", blueprint["schema"]!["properties"]!["link"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task DuplicateCreateAnswers409IdentifierTaken()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(Minimal("dup"));

        var (status, body) = await host.PostAsync("/v1/blueprints", Minimal("dup"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("identifier_taken", body["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("space_lift_stack", true)]
    [InlineData("a.b+c:d/e@f-g\\h", true)]
    [InlineData("Ünïcode", true)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("has space", false)]
    [InlineData("eq=sign", false)]
    [InlineData("", false)]
    public async Task BlueprintIdentifierRules(string identifier, bool accepted)
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.PostAsync("/v1/blueprints", Minimal(identifier));

        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.UnprocessableEntity, status);
        if (!accepted)
        {
            Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task BlueprintIdentifierLongerThan100IsRejected()
    {
        await using var host = await PortTestHost.StartAsync();

        var (ok, _) = await host.PostAsync("/v1/blueprints", Minimal(new string('a', 100)));
        var (tooLong, _) = await host.PostAsync("/v1/blueprints", Minimal(new string('b', 101)));

        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong);
    }

    [Theory]
    [InlineData("good_key-1@=", true)]
    [InlineData("bad.key", false)]
    [InlineData("bad key", false)]
    public async Task PropertyKeyRules(string key, bool accepted)
    {
        await using var host = await PortTestHost.StartAsync();
        var blueprint = Minimal("keys");
        blueprint["schema"]!["properties"]![key] = new JsonObject { ["type"] = "string" };

        var (status, _) = await host.PostAsync("/v1/blueprints", blueprint);

        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.UnprocessableEntity, status);
    }

    [Theory]
    [InlineData("""{ "identifier": "x", "title": "T" }""", "schema")]
    [InlineData("""{ "identifier": "x", "schema": { "properties": {} } }""", "title")]
    [InlineData("""{ "identifier": "x", "title": "T", "schema": { "properties": { "p": { "type": "text" } } } }""", "type")]
    [InlineData("""{ "identifier": "x", "title": "T", "schema": { "properties": { "p": { "type": "string", "format": "uri" } } } }""", "format")]
    [InlineData("""{ "identifier": "x", "title": "T", "schema": { "properties": {}, "extra": 1 } }""", "extra")]
    [InlineData("""{ "identifier": "x", "title": "T", "schema": { "properties": {}, "required": ["nope"] } }""", "nope")]
    public async Task InvalidDefinitionsAnswer422NamingTheField(string json, string named)
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.PostAsync("/v1/blueprints", JsonNode.Parse(json)!);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(named, body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TitleLongerThan100AndDescriptionLongerThan200AreRejected()
    {
        await using var host = await PortTestHost.StartAsync();
        var longTitle = Minimal("t");
        longTitle["title"] = new string('t', 101);
        var longDescription = Minimal("d");
        longDescription["description"] = new string('d', 201);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.PostAsync("/v1/blueprints", longTitle)).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.PostAsync("/v1/blueprints", longDescription)).Status);
    }

    [Fact]
    public async Task PutReplacesAndToleratesEchoedMetaFields()
    {
        await using var host = await PortTestHost.StartAsync();
        var (_, created) = await host.PostAsync("/v1/blueprints", GuideResources.Blueprint());
        var echoed = created["blueprint"]!.AsObject();
        echoed["title"] = "Renamed";
        echoed["schema"]!["properties"]!.AsObject().Remove("branch");

        var (status, body) = await host.SendAsync(HttpMethod.Put, "/v1/blueprints/space_lift_stack", echoed);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Renamed", body["blueprint"]!["title"]!.GetValue<string>());
        Assert.Null(body["blueprint"]!["schema"]!["properties"]!["branch"]);
        Assert.Equal(echoed["createdAt"]!.GetValue<string>(), body["blueprint"]!["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchMergesPropertiesKeepingTheOthers()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        var patch = JsonNode.Parse("""{ "title": "Stacks", "schema": { "properties": { "extra": { "type": "number" } } } }""")!;

        var (status, body) = await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/space_lift_stack", patch);

        Assert.Equal(HttpStatusCode.OK, status);
        var properties = body["blueprint"]!["schema"]!["properties"]!.AsObject();
        Assert.Equal("Stacks", body["blueprint"]!["title"]!.GetValue<string>());
        Assert.True(properties.ContainsKey("extra"));
        Assert.True(properties.ContainsKey("branch"));
    }

    [Fact]
    public async Task DeletingABlueprintWithEntitiesFailsWithHasDependents()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities", new JsonObject { ["identifier"] = "s1" });

        var (status, body) = await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space_lift_stack");
        await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space_lift_stack/entities/s1");
        var (after, _) = await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space_lift_stack");
        var (gone, _) = await host.GetAsync("/v1/blueprints/space_lift_stack");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("has_dependents", body["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task DeleteAllEntitiesWithBlueprintReturnsACompletedMigration()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities", new JsonObject { ["identifier"] = "s1" });

        var (status, body) = await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space_lift_stack/all-entities?delete_blueprint=true");
        var (_, migration) = await host.GetAsync($"/v1/migrations/{body["migrationId"]}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("COMPLETED", migration["migration"]!["status"]!.GetValue<string>());
        Assert.Null(host.Emulator.Blueprint("space_lift_stack"));
    }

    [Fact]
    public async Task GetAndListAnswerTheStoredBlueprints()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());

        var (missing, notFound) = await host.GetAsync("/v1/blueprints/nope?exclude_calculated_properties=true");
        var (_, list) = await host.GetAsync("/v1/blueprints");

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("not_found", notFound["error"]!.GetValue<string>());
        Assert.Single(list["blueprints"]!.AsArray());
    }
}
