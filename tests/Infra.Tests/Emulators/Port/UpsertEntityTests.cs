using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;
using Emulators.Port.Runs;

namespace Infra.Tests.Emulators.Port;

/// <summary><c>UPSERT_ENTITY</c> invocations: checked as the OpenAPI declares them, then executed by runs.</summary>
public sealed class UpsertEntityTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(20);

    private static JsonObject Blueprint() => GuideResources.Parse("""
        {
          "identifier": "service", "title": "Service",
          "schema": { "properties": {
            "owner": { "type": "string" }, "tier": { "type": "number" }, "note": { "type": "string" }
          } },
          "relations": { "domain": { "target": "domain", "required": false, "many": false } }
        }
        """);

    /// <summary>The page's example shape: a self-service CREATE action whose backend upserts an entity of <c>service</c>.</summary>
    private static JsonObject Action(JsonObject mapping, string blueprint = "service") => new()
    {
        ["identifier"] = "upsert_service",
        ["title"] = "Upsert a service",
        ["trigger"] = new JsonObject
        {
            ["type"] = "self-service",
            ["operation"] = "CREATE",
            ["userInputs"] = new JsonObject { ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string" } }, ["required"] = new JsonArray("name") },
        },
        ["invocationMethod"] = new JsonObject { ["type"] = "UPSERT_ENTITY", ["blueprintIdentifier"] = blueprint, ["mapping"] = mapping },
    };

    private static async Task<PortTestHost> StartAsync(PortEmulatorOptions? options = null)
    {
        var host = await PortTestHost.StartAsync(options);
        await host.CreateBlueprintAsync(GuideResources.Parse("""{ "identifier": "domain", "title": "Domain", "schema": { "properties": {} } }"""));
        await host.CreateBlueprintAsync(Blueprint());
        return host;
    }

    private static async Task<JsonObject> ExecuteAsync(PortTestHost host, string name)
    {
        var (status, body) = await host.PostAsync("/v1/actions/upsert_service/runs", new JsonObject { ["properties"] = new JsonObject { ["name"] = name } });
        Assert.True(status == HttpStatusCode.Accepted, body.ToJsonString());
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);
        return (await host.GetAsync($"/v1/actions/runs/{body["run"]!["id"]}")).Body["run"]!.AsObject();
    }

    [Theory]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service" }""", "required property 'mapping'")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "mapping": {} }""", "required property 'blueprintIdentifier'")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": {}, "url": "x" }""", "additional property 'url'")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": [] }""", "mapping must be an object")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": { "identifier": 7 } }""", "mapping/identifier must be a string")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": { "team": 7 } }""", "mapping/team must be a string or an array")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": { "team": ["a", 1] } }""", "mapping/team/1 must be a string")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": { "properties": "{{ .inputs }}" } }""", "mapping/properties must be an object")]
    [InlineData("""{ "type": "UPSERT_ENTITY", "blueprintIdentifier": "service", "mapping": { "relations": { "domain": 3 } } }""", "mapping/relations/domain must be a string, an array of strings or null")]
    public async Task InvocationsAreCheckedAsTheOpenApiDeclaresThem(string invocation, string problem)
    {
        await using var host = await PortTestHost.StartAsync();
        var action = Action([]);
        action["invocationMethod"] = JsonNode.Parse(invocation);

        var (status, body) = await host.PostAsync("/v1/actions", action);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(problem, body["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{ "identifier": "{{ .inputs.name }}", "team": "{{ .inputs.teams }}", "relations": { "domain": null, "others": ["a"] }, "extra": 1 }""")]
    public async Task MappingsTheTerraformProviderSendsAreAccepted(string mapping)
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.PostAsync("/v1/actions", Action(JsonNode.Parse(mapping)!.AsObject()));

        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal("UPSERT_ENTITY", body["action"]!["invocationMethod"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARunCreatesThenUpdatesTheEntityFromTheRenderedMapping()
    {
        await using var host = await StartAsync();
        await host.PostAsync("/v1/blueprints/domain/entities", new JsonObject { ["identifier"] = "payments" });
        await host.PostAsync("/v1/actions", Action(GuideResources.Parse("""
            {
              "identifier": "{{ .inputs.name }}",
              "title": "Service {{ .inputs.name }}",
              "team": ["platform"],
              "properties": { "owner": "{{ .trigger.by.user.email }}", "tier": 1 },
              "relations": { "domain": "payments" }
            }
            """)));

        var created = await ExecuteAsync(host, "billing");
        var updated = await ExecuteAsync(host, "billing");

        Assert.Equal(("SUCCESS", "SUCCESS"), (created["status"]!.GetValue<string>(), updated["status"]!.GetValue<string>()));
        var entity = (await host.GetAsync("/v1/blueprints/service/entities/billing")).Body["entity"]!;
        Assert.Equal("Service billing", entity["title"]!.GetValue<string>());
        Assert.Equal("admin@port-emulator.local", entity["properties"]!["owner"]!.GetValue<string>());
        Assert.Equal(1, entity["properties"]!["tier"]!.GetValue<double>());
        Assert.Equal("payments", entity["relations"]!["domain"]!.GetValue<string>());
        Assert.Equal(["platform"], entity["team"]!.AsArray().Select(t => t!.GetValue<string>()));
        var createdLog = (await host.GetAsync($"/v1/actions/runs/{created["id"]}/logs")).Body["runLogs"]![0]!["message"]!.GetValue<string>();
        var updatedLog = (await host.GetAsync($"/v1/actions/runs/{updated["id"]}/logs")).Body["runLogs"]![0]!["message"]!.GetValue<string>();
        Assert.Equal("Created entity 'billing' of blueprint 'service'", createdLog);
        Assert.Equal("Updated entity 'billing' of blueprint 'service'", updatedLog);
    }

    [Theory]
    [InlineData(UpsertEntityUpdate.Merge)]
    [InlineData(UpsertEntityUpdate.Replace)]
    public async Task AnExistingEntityIsMergedOrReplacedAsSwitched(UpsertEntityUpdate update)
    {
        await using var host = await StartAsync(new PortEmulatorOptions { UpsertEntityUpdate = update });
        await host.PostAsync("/v1/blueprints/service/entities", new JsonObject
        {
            ["identifier"] = "billing", ["title"] = "Billing", ["properties"] = new JsonObject { ["owner"] = "pat", ["note"] = "keep me?" },
        });
        await host.PostAsync("/v1/actions", Action(GuideResources.Parse("""{ "identifier": "{{ .inputs.name }}", "properties": { "owner": "sam" } }""")));

        Assert.Equal("SUCCESS", (await ExecuteAsync(host, "billing"))["status"]!.GetValue<string>());

        var entity = (await host.GetAsync("/v1/blueprints/service/entities/billing")).Body["entity"]!;
        Assert.Equal("sam", entity["properties"]!["owner"]!.GetValue<string>());
        Assert.Equal(update == UpsertEntityUpdate.Merge ? "keep me?" : null, entity["properties"]!["note"]?.GetValue<string>());
        Assert.Equal(update == UpsertEntityUpdate.Merge ? "Billing" : null, entity["title"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "identifier": "{{ .inputs.name }}", "properties": { "tier": "gold" } }""", "service", "(blueprint_schema_mismatch)")]
    [InlineData("""{ "identifier": "{{ .inputs.name }}", "properties": { "colour": "red" } }""", "service", "'colour' is not defined")]
    [InlineData("""{ "identifier": "{{ .inputs.name }}", "relations": { "domain": "nowhere" } }""", "service", "'nowhere'")]
    [InlineData("""{ "title": "no identifier" }""", "service", "The mapping has no identifier")]
    [InlineData("""{ "identifier": "{{ 1 }}" }""", "service", "identifier must render to a string, got number")]
    [InlineData("""{ "identifier": "{{ .inputs | keys }}" }""", "service", "Failed to render the mapping")]
    [InlineData("""{ "identifier": "{{ .inputs.name }}" }""", "ghost", "Blueprint 'ghost' was not found")]
    public async Task ARefusedEntityFailsTheRunWithTheReasonInItsSummaryAndLog(string mapping, string blueprint, string reason)
    {
        await using var host = await StartAsync();
        await host.PostAsync("/v1/actions", Action(JsonNode.Parse(mapping)!.AsObject(), blueprint));

        var run = await ExecuteAsync(host, "billing");

        Assert.Equal("FAILURE", run["status"]!.GetValue<string>());
        Assert.Contains(reason, run["summary"]!.GetValue<string>());
        Assert.NotNull(run["endedAt"]);
        Assert.Contains(reason, (await host.GetAsync($"/v1/actions/runs/{run["id"]}/logs")).Body["runLogs"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, host.Emulator.EntityCount("service") + host.Emulator.EntityCount("domain"));
    }

    [Fact]
    public async Task AnUpsertedEntityFiresEntityAutomationsWithAnEventThatSaysCreate()
    {
        await using var host = await StartAsync();
        await host.PostAsync("/v1/actions", Action(GuideResources.Parse("""{ "identifier": "{{ .inputs.name }}" }""")));
        var audit = Action(GuideResources.Parse("""
            { "identifier": "seen-{{ .event.context.entityIdentifier }}", "properties": { "note": "{{ .event.action }} by {{ .trigger.origin }}" } }
            """));
        audit["identifier"] = "note_new_services";
        audit["trigger"] = GuideResources.Parse("""
            { "type": "automation", "event": { "type": "ENTITY_CREATED", "blueprintIdentifier": "service" },
              "condition": { "type": "JQ", "expressions": [".diff.after.properties.note == null"], "combinator": "and" } }
            """);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", audit)).Status);

        await ExecuteAsync(host, "billing");

        var seen = (await host.GetAsync("/v1/blueprints/service/entities/seen-billing")).Body["entity"]!;
        Assert.Equal("CREATE by AUTOMATION", seen["properties"]!["note"]!.GetValue<string>());
        Assert.Single(host.Emulator.Runs(), r => r["action"]!["identifier"]!.GetValue<string>() == "note_new_services");
    }
}
