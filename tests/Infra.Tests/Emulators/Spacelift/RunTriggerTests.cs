using System.Text.Json;
using Emulators.Hosting;
using Emulators.Spacelift;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>runTrigger records runs with their caller and token; stacks follow their latest tracked run.</summary>
public sealed class RunTriggerTests : IAsyncLifetime
{
    private const string Trigger = "mutation($s:ID!$t:RunType$sha:String){runTrigger(stack: $s, runType: $t, commitSha: $sha){id state type branch triggeredBy commit{hash}}}";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private EmulatorHost _host = null!;
    private GraphQLTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 10, Time = _clock });
        _client = new GraphQLTestClient(_host.SpaceliftGraphQLUrl);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task RunIsRecordedWithCallerTokenAndDefaults()
    {
        var token = await _client.MintTokenAsync();
        var stack = _host.Spacelift.Stacks.All()[3];

        var response = await _client.PostAsync(Trigger, new { s = stack.Id }, token);

        var run = response.AssertOk().Data.GetProperty("runTrigger");
        var recorded = Assert.Single(_host.Spacelift.Runs.All());
        Assert.Equal(recorded.Id, run.GetProperty("id").GetString());
        Assert.True(Ulid.IsValid(recorded.Id));
        Assert.Equal(stack.Id, recorded.StackId);
        Assert.Equal(token, recorded.Token);
        Assert.Equal("TRACKED", recorded.Type);
        Assert.Equal($"api::{GraphQLTestClient.KeyId}", recorded.TriggeredBy);
        Assert.Equal(stack.Branch, run.GetProperty("branch").GetString());
        Assert.Equal(stack.TrackedCommitSha ?? recorded.CommitSha, run.GetProperty("commit").GetProperty("hash").GetString());
    }

    [Fact]
    public async Task UnknownStackIsNotFoundAndRecordsNothing()
    {
        var token = await _client.MintTokenAsync();

        var response = await _client.PostAsync(Trigger, new { s = "no-such-stack" }, token);

        Assert.Contains("not found", Assert.Single(response.ErrorMessages), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Empty(_host.Spacelift.Runs.All());
    }

    [Fact]
    public async Task StackStateFollowsItsLatestTrackedRunToATerminalState()
    {
        var token = await _client.MintTokenAsync();
        var stackId = _host.Spacelift.Stacks.All()[0].Id;
        await _client.PostAsync(Trigger, new { s = stackId }, token);

        var queued = await StateAsync(stackId, token);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var finished = await StateAsync(stackId, token);

        Assert.Equal("QUEUED", queued);
        Assert.Equal("FINISHED", finished);
    }

    [Fact]
    public async Task ProposedRunLeavesTheStackStateAlone()
    {
        var token = await _client.MintTokenAsync();
        var stack = _host.Spacelift.Stacks.All()[1];

        await _client.PostAsync(Trigger, new { s = stack.Id, t = "PROPOSED", sha = "abc123" }, token);

        Assert.Equal(stack.State, await StateAsync(stack.Id, token));
        var run = Assert.Single(_host.Spacelift.Runs.All());
        Assert.Equal("abc123", run.CommitSha);
        var lists = await _client.PostAsync("query($s:ID!){stack(id: $s){runs{id},proposedRuns{id}}}", new { s = stack.Id }, token);
        var listed = lists.AssertOk().Data.GetProperty("stack");
        Assert.Equal(0, listed.GetProperty("runs").GetArrayLength());
        Assert.Equal(run.Id, listed.GetProperty("proposedRuns")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task StackRunsListsTriggeredRunsNewestFirst()
    {
        var token = await _client.MintTokenAsync();
        var stackId = _host.Spacelift.Stacks.All()[2].Id;
        await _client.PostAsync(Trigger, new { s = stackId }, token);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _client.PostAsync(Trigger, new { s = stackId }, token);

        var response = await _client.PostAsync("query($s:ID!){stack(id: $s){runs{id isMostRecent}}}", new { s = stackId }, token);

        var runs = response.AssertOk().Data.GetProperty("stack").GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(_host.Spacelift.Runs.All().Reverse().Select(r => r.Id), runs.Select(r => r.GetProperty("id").GetString()));
        Assert.True(runs[0].GetProperty("isMostRecent").GetBoolean());
        Assert.False(runs[1].GetProperty("isMostRecent").GetBoolean());
    }

    [Fact]
    public async Task RunStackFindsTheStackOfARunAndUnknownRunIsNotFound()
    {
        var token = await _client.MintTokenAsync();
        var stackId = _host.Spacelift.Stacks.All()[4].Id;
        await _client.PostAsync(Trigger, new { s = stackId }, token);
        var runId = Assert.Single(_host.Spacelift.Runs.All()).Id;

        var found = await _client.PostAsync("query($r:ID!){runStack(runId: $r){id}}", new { r = runId }, token);
        var missing = await _client.PostAsync("query($r:ID!){runStack(runId: $r){id}}", new { r = "01NOSUCHRUN000000000000000" }, token);

        Assert.Equal(stackId, found.AssertOk().Data.GetProperty("runStack").GetProperty("id").GetString());
        Assert.Equal("not found", Assert.Single(missing.ErrorMessages));
    }

    private async Task<string?> StateAsync(string stackId, string token)
    {
        var response = await _client.PostAsync("query($s:ID!){stack(id: $s){state}}", new { s = stackId }, token);
        return response.AssertOk().Data.GetProperty("stack").GetProperty("state").GetString();
    }
}
