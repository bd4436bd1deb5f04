using System.Text.Json.Nodes;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Webhooks;
using Infra.Tests.Support;

namespace Infra.Tests.Emulators.LiveUpdates;

public sealed class LiveLoopTests
{
    [Fact]
    public async Task TheEntityFollowsATriggeredRunThroughEveryStateWithoutAnotherUp()
    {
        await using var loop = await LiveLoop.StartAsync();
        var seen = new List<string>();

        await loop.TriggerAsync();
        await loop.SettleAsync();
        seen.Add(await loop.EntityStateAsync() ?? "<none>");
        for (var step = 1; step < RunScript.Default.States.Count; step++)
        {
            await loop.AdvanceAsync();
            var state = await loop.EntityStateAsync();
            Assert.Equal(await loop.SpaceliftStateAsync(), state);
            seen.Add(state ?? "<none>");
        }

        Assert.Equal(RunScript.Default.States, seen);
        var deliveries = loop.Host.Spacelift.Webhooks.Deliveries;
        Assert.Equal(RunScript.Default.States.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryOutcome.Delivered, d.Outcome));
        Assert.Equal(Enumerable.Range(1, RunScript.Default.States.Count), deliveries.Select(d => d.StateVersion));
    }

    [Fact]
    public async Task AProposedRunIsNotRoutedAndChangesNothing()
    {
        await using var loop = await LiveLoop.StartAsync();

        await loop.TriggerAsync(runType: "PROPOSED");
        await loop.AdvanceAsync(LiveLoop.Step * 10);

        Assert.Empty(loop.Host.Spacelift.Webhooks.Deliveries);
        Assert.Equal("NONE", await loop.EntityStateAsync());
    }

    [Fact]
    public async Task ARunOfAStackWithoutEntityCreatesNone()
    {
        await using var loop = await LiveLoop.StartAsync();
        var other = loop.Host.Spacelift.Stacks.All().First(s => s.Space != "legacy" && s.Id != loop.Stack.Id);

        await loop.TriggerAsync(other.Id);
        await loop.AdvanceAsync(LiveLoop.Step * 10);

        Assert.Equal(RunScript.Default.States.Count, loop.Host.Spacelift.Webhooks.Deliveries.Count(d => d.Outcome == WebhookDeliveryOutcome.Delivered));
        Assert.Equal(1, loop.Host.Port.EntityCount("space_lift_stack"));
        var failures = await loop.AuditAsync("&status=FAILURE");
        Assert.Equal(RunScript.Default.States.Count, failures.Count);
        Assert.All(failures, f => Assert.Contains("search returned no entity", f!["message"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventsSignedWithAnotherSecretChangeNothing()
    {
        await using var loop = await LiveLoop.StartAsync(secret: "not-the-port-secret");

        await loop.TriggerAsync();
        await loop.AdvanceAsync(LiveLoop.Step * 10);

        Assert.Equal("NONE", await loop.EntityStateAsync());
        var audits = await loop.AuditAsync();
        Assert.Equal(RunScript.Default.States.Count, audits.Count);
        Assert.All(audits, a => Assert.StartsWith("signature mismatch", a!["message"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABurstOfRunsOnOneStackEndsAtSpaceliftsStateWithEachRunsEventsInOrder()
    {
        await using var loop = await LiveLoop.StartAsync();
        var applied = new List<(string Run, int Version)>();
        loop.Host.Port.WebhookEventProcessed += o => { lock (applied) { applied.Add((o.Body!["run"]!["id"]!.GetValue<string>(), o.Body["stateVersion"]!.GetValue<int>())); } };

        for (var i = 0; i < 5; i++)
        {
            await loop.TriggerAsync();
            loop.Clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        // One jump past every run's end: the pump emits all 30 transitions at once.
        await loop.AdvanceAsync(LiveLoop.Step * 10);

        Assert.Equal(5 * RunScript.Default.States.Count, applied.Count);
        Assert.Equal(await loop.SpaceliftStateAsync(), await loop.EntityStateAsync());
        foreach (var run in applied.GroupBy(a => a.Run))
        {
            Assert.Equal(Enumerable.Range(1, RunScript.Default.States.Count), run.Select(a => a.Version));
        }
    }

    [Fact]
    public async Task A5xxOnOneDeliveryIsRetriedWithoutReordering()
    {
        var requests = 0;
        await using var loop = await LiveLoop.StartAsync(configureSpacelift: false);
        await using var proxy = new FakeHttpServer(async request =>
        {
            if (Interlocked.Increment(ref requests) == 3)
            {
                return new FakeResponse(503, "{}");
            }

            return await ForwardAsync(loop.IngestUrl, request);
        });
        await loop.CreateNamedWebhookAsync(proxy.Url.ToString(), retryOnFailure: true, LiveLoop.Secret);
        (await loop.CreatePolicyAsync(LiveUpdateBodies.PolicyBody(LiveUpdateBodies.NamedWebhookName))).AssertOk();
        var applied = new List<int>();
        loop.Host.Port.WebhookEventProcessed += o => applied.Add(o.Body!["stateVersion"]!.GetValue<int>());

        await loop.TriggerAsync();
        await loop.AdvanceAsync(LiveLoop.Step * 10);

        Assert.Equal(Enumerable.Range(1, RunScript.Default.States.Count), applied);
        Assert.Equal("FINISHED", await loop.EntityStateAsync());
        var third = loop.Host.Spacelift.Webhooks.Deliveries.Where(d => d.StateVersion == 3).ToArray();
        Assert.Equal([WebhookDeliveryOutcome.WillRetry, WebhookDeliveryOutcome.Delivered], third.Select(d => d.Outcome));
        Assert.Equal(503, third[0].Status);
    }

    [Fact]
    public async Task AfterThreeRetriesTheEventIsAbandonedAndTenFailuresDisableTheWebhook()
    {
        await using var loop = await LiveLoop.StartAsync(configureSpacelift: false);
        await using var failing = new FakeHttpServer(_ => Task.FromResult(new FakeResponse(500, "{}")));
        await loop.CreateNamedWebhookAsync(failing.Url.ToString(), retryOnFailure: true, LiveLoop.Secret);
        (await loop.CreatePolicyAsync(LiveUpdateBodies.PolicyBody(LiveUpdateBodies.NamedWebhookName))).AssertOk();

        await loop.TriggerAsync();
        await loop.AdvanceAsync(LiveLoop.Step * 10);
        await loop.TriggerAsync();
        await loop.AdvanceAsync(LiveLoop.Step * 10);

        var deliveries = loop.Host.Spacelift.Webhooks.Deliveries;
        var first = deliveries.Where(d => d.StateVersion == 1).Take(4).ToArray();
        Assert.Equal([1, 2, 3, 4], first.Select(d => d.Attempt));
        Assert.Equal(WebhookDeliveryOutcome.Abandoned, first[^1].Outcome);
        Assert.Equal(10, deliveries.Count(d => d.Outcome == WebhookDeliveryOutcome.Abandoned));
        Assert.Equal(2, deliveries.Count(d => d.Outcome == WebhookDeliveryOutcome.Dropped));
        var read = (await loop.GraphQL.PostAsync("query($id: ID!) { namedWebhooksIntegration(id: $id) { enabled } }", new { id = LiveUpdateBodies.NamedWebhookName }, loop.Token)).AssertOk();
        Assert.False(read.Data.GetProperty("namedWebhooksIntegration").GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("port.ingest:503=1", 503)]
    [InlineData("port.ingest:drop=1", null)]
    public async Task AFaultOnPortsIngestIsRetriedThreeTimesThenTheEventIsAbandoned(string faults, int? status)
    {
        await using var loop = await LiveLoop.StartAsync();
        loop.Host.Faults.Configure(faults, seed: 1);

        await loop.TriggerAsync();
        await loop.SettleAsync();

        var attempts = loop.Host.Spacelift.Webhooks.Deliveries;
        Assert.Equal([1, 2, 3, 4], attempts.Select(d => d.Attempt));
        Assert.All(attempts, d => Assert.Equal(status, d.Status));
        Assert.Equal(WebhookDeliveryOutcome.Abandoned, attempts[^1].Outcome);
        Assert.Equal("NONE", await loop.EntityStateAsync());
    }

    private static async Task<FakeResponse> ForwardAsync(Uri ingest, FakeRequest request)
    {
        using var http = new HttpClient();
        using var forward = new HttpRequestMessage(HttpMethod.Post, ingest) { Content = new StringContent(request.Body, System.Text.Encoding.UTF8, "application/json") };
        foreach (var header in new[] { "X-Signature", "X-Signature-256" })
        {
            if (request.Headers.TryGetValue(header, out var value))
            {
                forward.Headers.TryAddWithoutValidation(header, value);
            }
        }

        using var response = await http.SendAsync(forward);
        return new FakeResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
