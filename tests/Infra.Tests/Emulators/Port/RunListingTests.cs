using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

/// <summary>
/// The run listing and run log routes as Port's OpenAPI describes them: filters combine with AND, newest
/// first, <c>limit</c> bounds; log lines carry id, runId, message, createdBy and createdAt.
/// </summary>
public sealed class RunListingTests
{
    // A KAFKA action is accepted but never executed by the emulator, so its runs stay IN_PROGRESS.
    private static JsonObject QueuedAction(string identifier) => GuideResources.Parse($$"""
        { "identifier": "{{identifier}}", "title": "{{identifier}}",
          "trigger": { "type": "self-service", "operation": "CREATE", "userInputs": { "properties": {}, "required": [] } },
          "invocationMethod": { "type": "KAFKA" } }
        """);

    private static async Task<string> RunAsync(PortTestHost host, string action)
    {
        var (status, body) = await host.PostAsync($"/v1/actions/{action}/runs", new JsonObject { ["properties"] = new JsonObject() });
        Assert.True(status == HttpStatusCode.Accepted, body.ToJsonString());
        return body["run"]!["id"]!.GetValue<string>();
    }

    private static string[] Ids(JsonObject body) => [.. body["runs"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];

    [Fact]
    public async Task RunsAreListedNewestFirstFilteredByActionSourceAndActivityAndCutAtTheLimit()
    {
        await using var host = await PortTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", QueuedAction("a"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", QueuedAction("b"))).Status);
        var first = await RunAsync(host, "a");
        var other = await RunAsync(host, "b");
        var second = await RunAsync(host, "a");
        await host.Emulator.WhenIdleAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Patch, $"/v1/actions/runs/{first}", new JsonObject { ["status"] = "SUCCESS" })).Status);

        var (_, all) = await host.GetAsync("/v1/actions/runs?version=v2");
        var (_, ofA) = await host.GetAsync("/v1/actions/runs?action=a");
        var (_, newest) = await host.GetAsync("/v1/actions/runs?action=a&limit=1");
        var (_, active) = await host.GetAsync("/v1/actions/runs?action=a&active=true");
        var (_, automations) = await host.GetAsync("/v1/actions/runs?source=AUTOMATION");
        var (badLimit, _) = await host.GetAsync("/v1/actions/runs?limit=0");
        var (badSource, _) = await host.GetAsync("/v1/actions/runs?source=CLI");

        Assert.Equal([second, other, first], Ids(all));
        Assert.Equal([second, first], Ids(ofA));
        Assert.Equal([second], Ids(newest));
        Assert.Equal([second], Ids(active));
        Assert.Empty(Ids(automations));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLimit);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSource);
    }

    [Fact]
    public async Task LogLinesCarryEveryFieldPortsSchemaRequiresAndPage()
    {
        await using var host = await PortTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", QueuedAction("a"))).Status);
        var run = await RunAsync(host, "a");
        await host.Emulator.WhenIdleAsync();
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync($"/v1/actions/runs/{run}/logs", new JsonObject { ["message"] = "second" })).Status);

        var (_, logs) = await host.GetAsync($"/v1/actions/runs/{run}/logs");
        var (_, paged) = await host.GetAsync($"/v1/actions/runs/{run}/logs?offset=1&limit=1");

        var lines = logs["runLogs"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(["id", "runId", "message", "createdBy", "createdAt"], l!.AsObject().Select(p => p.Key)));
        Assert.All(lines, l => Assert.Equal(run, l!["runId"]!.GetValue<string>()));
        Assert.Equal("second", Assert.Single(paged["runLogs"]!.AsArray())!["message"]!.GetValue<string>());
    }
}
