using Emulators.Hosting;
using Emulators.Spacelift.Runs;
using Infra.Tests.Emulators.LiveUpdates;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift;

public sealed class SpaceliftStateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spacelift-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WebhooksPoliciesAndRunsSurviveARestartBesidePortsStateWithoutSecretsInClear()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { Stacks = 3, Time = clock, StateFile = Path.Combine(_directory, "port-organisation.json") };
        string stack;
        await using (var first = await EmulatorHost.StartAsync(options))
        {
            using var client = new GraphQLTestClient(first.SpaceliftGraphQLUrl);
            var token = await client.MintTokenAsync();
            (await client.PostAsync(
                "mutation($input: NamedWebhooksIntegrationInput!) { namedWebhooksIntegrationCreate(input: $input) { id } }",
                new { input = new { name = "port-stack-state", endpoint = "http://127.0.0.1:9/ingest/k", space = "root", enabled = true, secret = "kept-secret-value", labels = new[] { "a" } } },
                token)).AssertOk();
            (await client.PostAsync(
                "mutation($input: PolicyCreateInput!) { policyCreatev2(input: $input) { id } }",
                new { input = new { name = "Port stack state", body = LiveUpdateBodies.PolicyBody("port-stack-state"), type = "NOTIFICATION" } },
                token)).AssertOk();
            stack = first.Spacelift.Stacks.All().First(s => s.Space != "legacy").Id;
            (await client.PostAsync("mutation($s: ID!) { runTrigger(stack: $s) { id } }", new { s = stack }, token)).AssertOk();
        }

        var file = EmulatorHost.SpaceliftStateFile(options.StateFile!);
        Assert.Equal(Path.Combine(_directory, "port-organisation.spacelift.json"), file);
        Assert.DoesNotContain("kept-secret-value", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        await using var second = await EmulatorHost.StartAsync(options);
        Assert.Equal("kept-secret-value", second.Spacelift.NamedWebhooks.Find("port-stack-state")!.Secret);
        Assert.Single(Assert.Single(second.Spacelift.Policies.All()).Rules);
        var run = Assert.Single(second.Spacelift.Runs.All());
        Assert.Equal(stack, run.StackId);
        Assert.Equal(string.Empty, run.Token);
        using var reader = new GraphQLTestClient(second.SpaceliftGraphQLUrl);
        var state = (await reader.PostAsync("query($id: ID!) { stack(id: $id) { state } }", new { id = stack }, await reader.MintTokenAsync())).AssertOk();
        Assert.Equal(RunScript.Default.States[^1], state.Data.GetProperty("stack").GetProperty("state").GetString());

        // The restored run's past transitions are not sent again.
        second.Spacelift.RunEvents.Poke();
        await second.Spacelift.Webhooks.WhenIdleAsync();
        Assert.Empty(second.Spacelift.Webhooks.Deliveries);
    }
}
