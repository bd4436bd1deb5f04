using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

public sealed class ActionTests
{
    private const string Url = "https://acme.app.spacelift.io/graphql";

    [Fact]
    public async Task TheGuidesActionsAndAutomationAreAccepted()
    {
        await using var host = await PortTestHost.StartAsync();

        var results = new[]
        {
            await host.PostAsync("/v1/actions", GuideResources.TriggerAction(Url)),
            await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url)),
            await host.PostAsync("/v1/actions", GuideResources.Automation()),
        };

        Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.Created, r.Body.ToJsonString()));
        var stored = host.Emulator.Action("spacelift_token_refresh_sync")!;
        Assert.Equal("RUN_UPDATED", stored["trigger"]!["event"]!["type"]!.GetValue<string>());
        Assert.Equal("emulator", stored["createdBy"]!.GetValue<string>());
        var (_, list) = await host.GetAsync("/v1/actions?trigger_type=automation&version=v2");
        Assert.Single(list["actions"]!.AsArray());
    }

    [Fact]
    public async Task DuplicateIdentifierAnswers409()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));

        var (status, body) = await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("identifier_taken", body["error"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> InvalidActions() => new()
    {
        // Mutation of the refresh action as JSON-path edits: path, new JSON value ("-" removes), word the message names.
        { "extra", "1", "extra" },
        { "trigger.operation", "-", "operation" },
        { "trigger.userInputs", "-", "userInputs" },
        { "trigger.operation", "\"UPDATE\"", "operation" },
        { "trigger.type", "\"manual\"", "type" },
        { "trigger.condition", """{ "type": "SEARCH", "rules": [], "combinator": "and" }""", "condition" },
        { "trigger.userInputs.properties.x", """{ "title": "no type" }""", "type" },
        { "trigger.userInputs.properties.x", """{ "type": "string", "format": "entity" }""", "blueprint" },
        { "trigger.userInputs.properties.bad key", """{ "type": "string" }""", "bad key" },
        { "invocationMethod.url", "-", "url" },
        { "invocationMethod.secret", "\"x\"", "secret" },
        { "invocationMethod.method", "\"TRACE\"", "method" },
        { "invocationMethod.headers", """{ "X-Number": 1 }""", "X-Number" },
        { "invocationMethod.type", "\"SMOKE_SIGNAL\"", "type" },
        { "requiredApproval", "\"ANY\"", "requiredApproval" },
        { "identifier", "\"has/slash\"", "identifier" },
    };

    [Theory]
    [MemberData(nameof(InvalidActions))]
    public async Task SelfServiceBodiesAreStrict(string path, string value, string named)
    {
        await using var host = await PortTestHost.StartAsync();
        var action = Edit(GuideResources.RefreshAction(Url), path, value);

        var (status, body) = await host.PostAsync("/v1/actions", action);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains(named, body["message"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> InvalidAutomations() => new()
    {
        { "trigger.event.actionIdentifier", "-", "actionIdentifier" },
        { "trigger.event.blueprintIdentifier", "\"x\"", "blueprintIdentifier" },
        { "trigger.event.type", "\"ENTITY_CREATED\"", "blueprintIdentifier" },
        { "trigger.event.type", "\"RUN_FINISHED\"", "RUN_FINISHED" },
        { "trigger.event", "-", "event" },
        { "trigger.operation", "\"CREATE\"", "operation" },
        { "trigger.condition.type", "\"SEARCH\"", "type" },
        { "trigger.condition.expressions", "-", "expressions" },
        { "trigger.condition.combinator", "\"xor\"", "combinator" },
        { "trigger.condition.expressions", """[".diff.after.status | ascii_upcase == \"SUCCESS\""]""", "ascii_upcase" },
        { "trigger.condition.expressions", """[".diff.after.status == \"SUCCESS\"", ".tags[1:2] == \"x\""]""", "expressions/1" },
        { "publish", "\"yes\"", "publish" },
    };

    [Theory]
    [MemberData(nameof(InvalidAutomations))]
    public async Task AutomationBodiesAreStrictAndConditionsAreParsedOnCreate(string path, string value, string named)
    {
        await using var host = await PortTestHost.StartAsync();
        var automation = Edit(GuideResources.Automation(), path, value);

        var (status, body) = await host.PostAsync("/v1/actions", automation);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(named, body["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "type": "KAFKA" }""")]
    [InlineData("""{ "type": "GITHUB", "org": "o", "repo": "r", "workflow": "w.yml" }""")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "b", "mapping": {} }""")]
    public async Task OtherInvocationTypesAreAcceptedStructurally(string invocation)
    {
        await using var host = await PortTestHost.StartAsync();
        var action = GuideResources.RefreshAction(Url);
        action["invocationMethod"] = JsonNode.Parse(invocation);

        var (status, _) = await host.PostAsync("/v1/actions", action);

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task PutReplacesGetAnswersAndDeleteRemoves()
    {
        await using var host = await PortTestHost.StartAsync();
        var (_, created) = await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));
        var echoed = created["action"]!.AsObject();
        echoed["title"] = "Rotate";

        var (put, replaced) = await host.SendAsync(HttpMethod.Put, "/v1/actions/refresh_spacelift_token", echoed);
        var (_, read) = await host.GetAsync("/v1/actions/refresh_spacelift_token");
        var (deleted, _) = await host.SendAsync(HttpMethod.Delete, "/v1/actions/refresh_spacelift_token");
        var (gone, error) = await host.GetAsync("/v1/actions/refresh_spacelift_token");
        var (putMissing, _) = await host.SendAsync(HttpMethod.Put, "/v1/actions/nope", GuideResources.RefreshAction(Url).Also(a => a["identifier"] = "nope"));

        Assert.Equal(HttpStatusCode.OK, put);
        Assert.Equal("Rotate", replaced["action"]!["title"]!.GetValue<string>());
        Assert.Equal("Rotate", read["action"]!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal("not_found", error["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, putMissing);
    }

    [Fact]
    public async Task PermissionsAreReadAndMergedStrictly()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));
        const string path = "/v1/actions/refresh_spacelift_token/permissions";

        var (_, initial) = await host.GetAsync(path);
        var (patched, body) = await host.SendAsync(HttpMethod.Patch, path, JsonNode.Parse("""{ "execute": { "roles": ["Member"] } }""")!);
        var (strict, _) = await host.SendAsync(HttpMethod.Patch, path, JsonNode.Parse("""{ "execute": { "ownedByTeam": "yes" } }""")!);
        var (missing, _) = await host.GetAsync("/v1/actions/nope/permissions");

        Assert.Equal("Admin", initial["permissions"]!["execute"]!["roles"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal("Member", body["permissions"]!["execute"]!["roles"]![0]!.GetValue<string>());
        Assert.NotNull(body["permissions"]!["approve"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    /// <summary>Sets (or with "-" removes) the value at a dotted path.</summary>
    private static JsonObject Edit(JsonObject root, string path, string value)
    {
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        if (value == "-")
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(value);
        }

        return root;
    }
}
