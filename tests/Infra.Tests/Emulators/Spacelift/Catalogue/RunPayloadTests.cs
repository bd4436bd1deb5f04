using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Stacks;
using Infra.Tests.Emulators.LiveUpdates;
using Infra.Tests.Emulators.Port;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>
/// The run webhook (user-documentation docs/integrations/webhooks.md) and the GraphQL run agree: the same commit
/// details, and the delta once planning is over ("delta (if any)"): none while the run is queued.
/// </summary>
public sealed class RunPayloadTests
{
    [Fact]
    public async Task WebhookBodiesCarryTheRunsCommitAndItsDeltaOncePlanned()
    {
        var bodies = new ConcurrentQueue<JsonObject>();
        await using var receiver = await LocalApp.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            bodies.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
            return Results.Ok();
        }));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 6, RunsPerStack = 2, Time = clock });
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var token = await client.MintTokenAsync();
        (await client.PostAsync(
            "mutation($input: NamedWebhooksIntegrationInput!) { namedWebhooksIntegrationCreate(input: $input) { id } }",
            new { input = new { name = "catalogue", endpoint = new Uri(LocalApp.Address(receiver), "hook").ToString(), space = "root", enabled = true, labels = Array.Empty<string>() } },
            token)).AssertOk();
        (await client.PostAsync(
            "mutation($input: PolicyCreateInput!) { policyCreatev2(input: $input) { id } }",
            new { input = new { name = "catalogue", body = LiveUpdateBodies.PolicyBody("catalogue"), type = "NOTIFICATION", space = "root" } },
            token)).AssertOk();
        var stack = host.Spacelift.Stacks.All().First(s => s.Space == "root" && s.State != StackStates.None);

        var runId = (await client.PostAsync("mutation($s:ID!){runTrigger(stack: $s){id}}", new { s = stack.Id }, token))
            .AssertOk().Data.GetProperty("runTrigger").GetProperty("id").GetString();
        for (var step = 0; step < RunScript.Default.States.Count; step++)
        {
            clock.Advance(RunScript.Default.StepDuration);
        }

        await host.Spacelift.Webhooks.WhenIdleAsync();
        var run = (await client.PostAsync(
            "query($s:ID!$r:ID!){stack(id: $s){run(id: $r){commit{authorLogin authorName hash message timestamp url} delta{addCount changeCount deleteCount resources}}}}",
            new { s = stack.Id, r = runId }, token)).AssertOk().Data.GetProperty("stack").GetProperty("run");

        var events = bodies.ToArray();
        Assert.Equal(RunScript.Default.States, events.Select(e => e["state"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(runId, e["run"]!["id"]!.GetValue<string>()));
        Assert.Null(events[0]["run"]!["delta"]);
        var delta = events[^1]["run"]!["delta"]!;
        var graphDelta = run.GetProperty("delta");
        Assert.Equal(
            (graphDelta.GetProperty("addCount").GetInt32(), graphDelta.GetProperty("changeCount").GetInt32(), graphDelta.GetProperty("deleteCount").GetInt32(), graphDelta.GetProperty("resources").GetInt32()),
            (delta["added"]!.GetValue<int>(), delta["changed"]!.GetValue<int>(), delta["deleted"]!.GetValue<int>(), delta["resources"]!.GetValue<int>()));
        var commit = events[^1]["run"]!["commit"]!;
        var graphCommit = run.GetProperty("commit");
        foreach (var field in new[] { "authorName", "hash", "message" })
        {
            Assert.Equal(graphCommit.GetProperty(field).GetString(), commit[field]!.GetValue<string>());
        }

        Assert.Equal(graphCommit.GetProperty("timestamp").GetInt64(), commit["timestamp"]!.GetValue<long>());
        Assert.Equal(JsonValueKind.Object, graphDelta.ValueKind);
    }
}
