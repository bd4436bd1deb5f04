using System.Collections.Concurrent;
using System.Text.Json;
using Emulators.Hosting;
using Emulators.Spacelift.Stacks;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>A run triggered through runTrigger joins the stack's history and moves on the emulator clock; the history itself sends no events.</summary>
public sealed class TriggeredRunHistoryTests : IAsyncLifetime
{
    private const string Runs = "query($before:ID$stackId:ID!){stack(id: $stackId){state runs(before: $before){id state type updatedAt delta{addCount,changeCount,deleteCount,resources} history{state timestamp}}}}";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentBag<string> _events = [];
    private EmulatorHost _host = null!;
    private GraphQLTestClient _client = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 8, RunsPerStack = 3, ProposedRunsPerStack = 1, Time = _clock });
        _host.Spacelift.RunEvents.Emitted += e => _events.Add($"{e.Run.Id}:{e.State}");
        _client = new GraphQLTestClient(_host.SpaceliftGraphQLUrl);
        _token = await _client.MintTokenAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ATriggeredRunLeadsTheHistoryAndMovesThroughItsStates()
    {
        var stack = _host.Spacelift.Stacks.All().First(s => s.State != StackStates.None);
        var before = await ReadAsync(stack.Id);

        var runId = (await _client.PostAsync("mutation($s:ID!){runTrigger(stack: $s){id}}", new { s = stack.Id }, _token))
            .AssertOk().Data.GetProperty("runTrigger").GetProperty("id").GetString();
        var queued = await ReadAsync(stack.Id);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var finished = await ReadAsync(stack.Id);

        Assert.Equal(3, before.GetProperty("runs").GetArrayLength());
        Assert.Equal(4, finished.GetProperty("runs").GetArrayLength());
        var first = queued.GetProperty("runs")[0];
        Assert.Equal(runId, first.GetProperty("id").GetString());
        Assert.Equal("QUEUED", first.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("delta").ValueKind);
        Assert.Equal("QUEUED", queued.GetProperty("state").GetString());
        var done = finished.GetProperty("runs")[0];
        Assert.Equal("FINISHED", done.GetProperty("state").GetString());
        Assert.Equal("FINISHED", finished.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Object, done.GetProperty("delta").ValueKind);
        Assert.Equal(6, done.GetProperty("history").GetArrayLength());
        Assert.Equal(before.GetProperty("runs")[0].GetProperty("id").GetString(), finished.GetProperty("runs")[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheHistoryKeepsItsOutcomesWhileTheClockMovesAndSendsNoEvents()
    {
        var stack = _host.Spacelift.Stacks.All().First(s => s.State != StackStates.None);
        var before = await ReadAsync(stack.Id);

        _clock.Advance(TimeSpan.FromDays(3));
        _token = await _client.MintTokenAsync();
        var after = await ReadAsync(stack.Id);
        var runId = (await _client.PostAsync("mutation($s:ID!){runTrigger(stack: $s){id}}", new { s = stack.Id }, _token))
            .AssertOk().Data.GetProperty("runTrigger").GetProperty("id").GetString();

        Assert.Equal(before.GetProperty("runs").ToString(), after.GetProperty("runs").ToString());
        Assert.Equal(stack.State, after.GetProperty("state").GetString());
        Assert.All(_events, e => Assert.StartsWith(runId + ":", e, StringComparison.Ordinal));
        Assert.Contains($"{runId}:QUEUED", _events);
    }

    private async Task<JsonElement> ReadAsync(string stackId)
        => (await _client.PostAsync(Runs, new { stackId, before = (string?)null }, _token)).AssertOk().Data.GetProperty("stack");
}
