using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

public sealed class RunFlowTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(20);

    private static async Task SeedGuideAsync(PortTestHost host, FakeSpacelift spacelift)
    {
        var url = spacelift.GraphQlUrl.ToString();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities", new JsonObject { ["identifier"] = "stack-a", ["title"] = "Stack A" });
        foreach (var (name, value) in new[] { ("SPACELIFT_API_KEY_ID", "01KEY"), ("SPACELIFT_API_KEY_SECRET", "key-secret"), ("SPACELIFT_TOKEN", "stale") })
        {
            Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/organization/secrets", GuideResources.Secret(name, value))).Status);
        }

        foreach (var action in new[] { GuideResources.TriggerAction(url), GuideResources.RefreshAction(url), GuideResources.Automation() })
        {
            Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", action)).Status);
        }
    }

    private static async Task<JsonObject> ExecuteAsync(PortTestHost host, string action, JsonObject properties)
    {
        var (status, body) = await host.PostAsync($"/v1/actions/{action}/runs", new JsonObject { ["properties"] = properties });
        Assert.True(status == HttpStatusCode.Accepted, body.ToJsonString());
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);
        var (_, read) = await host.GetAsync($"/v1/actions/runs/{body["run"]!["id"]}");
        return read["run"]!.AsObject();
    }

    [Fact]
    public async Task RefreshRotatesTheTokenThroughTheAutomationAndTriggerUsesIt()
    {
        // Given the guide's resources, with the Spacelift URL pointing at a fake
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        await SeedGuideAsync(host, spacelift);

        // When the token is refreshed, then a stack is triggered
        var refresh = await ExecuteAsync(host, "refresh_spacelift_token", []);
        var trigger = await ExecuteAsync(host, "trigger_spacelift_stack", new JsonObject { ["stack"] = "stack-a" });

        // Then the refresh run kept Spacelift's answer, the automation wrote it into the secret,
        // and the trigger sent it as the bearer with the stack id from the entity input
        Assert.Equal("SUCCESS", refresh["status"]!.GetValue<string>());
        Assert.Equal("jwt-1", refresh["response"]!["data"]!["apiKeyUser"]!["jwt"]!.GetValue<string>());
        Assert.Equal("jwt-1", host.Emulator.SecretValue("SPACELIFT_TOKEN"));
        var requests = spacelift.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("01KEY", requests[0].Body["variables"]!["id"]!.GetValue<string>());
        Assert.Equal("key-secret", requests[0].Body["variables"]!["secret"]!.GetValue<string>());
        Assert.Equal("Bearer jwt-1", requests[1].Authorization);
        Assert.Equal("stack-a", requests[1].Body["variables"]!["stackId"]!.GetValue<string>());
        Assert.Equal("SUCCESS", trigger["status"]!.GetValue<string>());
        Assert.Equal("01RUN", trigger["response"]!["data"]!["runTrigger"]!["id"]!.GetValue<string>());
        var automationRun = Assert.Single(host.Emulator.Runs(), r => r["action"]!["identifier"]!.GetValue<string>() == "spacelift_token_refresh_sync");
        Assert.Equal("SUCCESS", automationRun["status"]!.GetValue<string>());
        Assert.Equal("AUTOMATION", automationRun["source"]!.GetValue<string>());
        Assert.Equal("Refreshed Spacelift API token", host.Emulator.SecretMetadata("SPACELIFT_TOKEN")!["description"]!.GetValue<string>());
        var (_, listed) = await host.GetAsync("/v1/actions/runs?action=refresh_spacelift_token");
        Assert.Equal(refresh["id"]!.GetValue<string>(), Assert.Single(listed["runs"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailedWebhookFailsTheRunAndTheAutomationConditionDoesNotHold()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        await SeedGuideAsync(host, spacelift);
        spacelift.Status = 500;

        var refresh = await ExecuteAsync(host, "refresh_spacelift_token", []);

        Assert.Equal("FAILURE", refresh["status"]!.GetValue<string>());
        Assert.Contains("500", refresh["summary"]!.GetValue<string>());
        Assert.Equal("stale", host.Emulator.SecretValue("SPACELIFT_TOKEN"));
        Assert.DoesNotContain(host.Emulator.Runs(), r => r["source"]!.GetValue<string>() == "AUTOMATION");
    }

    [Fact]
    public async Task AnUnpublishedAutomationNeverFires()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        await SeedGuideAsync(host, spacelift);
        var automation = GuideResources.Automation();
        automation["publish"] = false;
        await host.SendAsync(HttpMethod.Put, "/v1/actions/spacelift_token_refresh_sync", automation);

        var refresh = await ExecuteAsync(host, "refresh_spacelift_token", []);

        Assert.Equal("SUCCESS", refresh["status"]!.GetValue<string>());
        Assert.Equal("stale", host.Emulator.SecretValue("SPACELIFT_TOKEN"));
    }

    [Fact]
    public async Task ATemplateOutsideTheSubsetFailsTheRunWithThatMessage()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        var action = GuideResources.RefreshAction(spacelift.GraphQlUrl.ToString());
        action["invocationMethod"]!["body"]!["variables"]!["id"] = "{{ .secrets | keys }}";
        await host.PostAsync("/v1/actions", action);

        var run = await ExecuteAsync(host, "refresh_spacelift_token", []);

        Assert.Equal("FAILURE", run["status"]!.GetValue<string>());
        Assert.Contains("keys", run["summary"]!.GetValue<string>());
        Assert.Contains("not supported", run["summary"]!.GetValue<string>());
        Assert.Empty(spacelift.Requests);
        var (_, logs) = await host.GetAsync($"/v1/actions/runs/{run["id"]}/logs");
        Assert.Contains("keys", logs["runLogs"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunInputsAreChecked()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        await SeedGuideAsync(host, spacelift);

        var (missing, missingBody) = await host.PostAsync("/v1/actions/trigger_spacelift_stack/runs", new JsonObject { ["properties"] = new JsonObject() });
        var (unknownEntity, unknownBody) = await host.PostAsync("/v1/actions/trigger_spacelift_stack/runs",
            new JsonObject { ["properties"] = new JsonObject { ["stack"] = "nope" } });
        var (automation, _) = await host.PostAsync("/v1/actions/spacelift_token_refresh_sync/runs", new JsonObject { ["properties"] = new JsonObject() });
        var (noAction, _) = await host.PostAsync("/v1/actions/nope/runs", new JsonObject { ["properties"] = new JsonObject() });
        var (strict, _) = await host.PostAsync("/v1/actions/refresh_spacelift_token/runs", new JsonObject { ["properties"] = new JsonObject(), ["extra"] = 1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Contains("stack", missingBody["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownEntity);
        Assert.Contains("nope", unknownBody["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, automation);
        Assert.Equal(HttpStatusCode.NotFound, noAction);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict);
        Assert.Empty(spacelift.Requests);
    }

    [Fact]
    public async Task AnAsynchronousRunIsFinishedByItsBackendOnce()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        var action = GuideResources.RefreshAction(spacelift.GraphQlUrl.ToString());
        action["invocationMethod"]!["synchronized"] = false;
        await host.PostAsync("/v1/actions", action);

        var run = await ExecuteAsync(host, "refresh_spacelift_token", []);
        var (finished, body) = await host.SendAsync(HttpMethod.Patch, $"/v1/actions/runs/{run["id"]}", new JsonObject { ["status"] = "SUCCESS", ["link"] = "https://x" });
        var (again, exhausted) = await host.SendAsync(HttpMethod.Patch, $"/v1/actions/runs/{run["id"]}", new JsonObject { ["status"] = "FAILURE" });

        Assert.Equal("IN_PROGRESS", run["status"]!.GetValue<string>());
        Assert.Single(spacelift.Requests);
        Assert.Null(spacelift.Requests.Single().Authorization);
        Assert.StartsWith("v1,", spacelift.Requests.Single().Signature);
        Assert.Equal(HttpStatusCode.OK, finished);
        Assert.Equal("SUCCESS", body["run"]!["status"]!.GetValue<string>());
        Assert.NotNull(body["run"]!["endedAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("run_exhausted", exhausted["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAutomationThatRunsAnActionThroughPortsApiStopsAtTheDepthLimit()
    {
        // Given: action "ping" posts nowhere harmful; automation "again" re-executes "ping" on every ping run
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(spacelift.GraphQlUrl.ToString()).Also(a => a["identifier"] = "ping"));
        var again = GuideResources.Automation();
        again["identifier"] = "again";
        again["trigger"]!["event"] = new JsonObject { ["type"] = "RUN_CREATED", ["actionIdentifier"] = "ping" };
        again["trigger"]!.AsObject().Remove("condition");
        again["invocationMethod"]!["url"] = "https://api.getport.io/v1/actions/ping/runs";
        again["invocationMethod"]!["method"] = "POST";
        again["invocationMethod"]!["body"] = new JsonObject { ["properties"] = new JsonObject() };
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", again)).Status);

        // When
        await ExecuteAsync(host, "ping", []);

        // Then: the chain ran through Port's API (auth added) and stopped at the default depth of 4 hops
        var runs = host.Emulator.Runs();
        Assert.Equal(2, runs.Count(r => r["action"]!["identifier"]!.GetValue<string>() == "again"));
        Assert.Equal(3, runs.Count(r => r["action"]!["identifier"]!.GetValue<string>() == "ping"));
        Assert.All(runs, r => Assert.Equal("SUCCESS", r["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EntityEventsFireMatchingAutomationsWithTheEventInTemplates()
    {
        // Given an automation on created stacks whose state is FAILED
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        var automation = GuideResources.Automation();
        automation["identifier"] = "on_failed_stack";
        automation["trigger"]!["event"] = new JsonObject { ["type"] = "ENTITY_CREATED", ["blueprintIdentifier"] = "space_lift_stack" };
        automation["trigger"]!["condition"]!["expressions"] = new JsonArray(".diff.after.properties.state == \"FAILED\"", ".diff.before == null");
        automation["invocationMethod"]!["url"] = spacelift.GraphQlUrl.ToString();
        automation["invocationMethod"]!["method"] = "POST";
        automation["invocationMethod"]!["body"] = new JsonObject
        {
            ["query"] = "mutation { runTrigger }",
            ["variables"] = new JsonObject { ["stackId"] = "{{ .event.context.entityIdentifier }}", ["title"] = "{{ .event.diff.after.title }}" },
        };
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", automation)).Status);
        JsonObject Stack(string id, string state) => new() { ["identifier"] = id, ["title"] = id.ToUpperInvariant(), ["properties"] = new JsonObject { ["state"] = state } };

        // When one stack is created fine, one failed, and the fine one is then updated to failed
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities", Stack("fine", "FINISHED"));
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities", Stack("broken", "FAILED"));
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities?upsert=true", Stack("fine", "FAILED"));
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);

        // Then only the creation of the failed stack fired
        var request = Assert.Single(spacelift.Requests);
        Assert.Equal("broken", request.Body["variables"]!["stackId"]!.GetValue<string>());
        Assert.Equal("BROKEN", request.Body["variables"]!["title"]!.GetValue<string>());
    }
}
