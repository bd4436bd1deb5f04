using Emulators.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>The state file keeps the history's anchor, not the history: a restart, later, regenerates the same runs.</summary>
public sealed class HistoryStateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spacelift-history-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ARestartDaysLaterShowsTheSameHistoryAndTheTriggeredRunAfterIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { Stacks = 6, RunsPerStack = 4, Time = clock, StateFile = Path.Combine(_directory, "port.json") };
        string[] firstIds;
        string triggered;
        await using (var first = await EmulatorHost.StartAsync(options))
        {
            using var client = new GraphQLTestClient(first.SpaceliftGraphQLUrl);
            var stack = first.Spacelift.Stacks.All().First(s => s.State != "NONE").Id;
            triggered = (await client.PostAsync("mutation($s: ID!) { runTrigger(stack: $s) { id } }", new { s = stack }, await client.MintTokenAsync()))
                .AssertOk().Data.GetProperty("runTrigger").GetProperty("id").GetString()!;
            firstIds = [.. first.Spacelift.Runs.All().Select(r => r.Id)];
            await first.Spacelift.FlushAsync();
        }

        var saved = await File.ReadAllTextAsync(EmulatorHost.SpaceliftStateFile(options.StateFile!));
        clock.Advance(TimeSpan.FromDays(2));
        await using var second = await EmulatorHost.StartAsync(options);

        Assert.Contains(triggered, saved, StringComparison.Ordinal);
        Assert.DoesNotContain(firstIds.First(id => id != triggered), saved, StringComparison.Ordinal);
        Assert.Equal(firstIds.Order(), second.Spacelift.Runs.All().Select(r => r.Id).Order());
        var run = second.Spacelift.Runs.Find(triggered)!;
        Assert.Equal(triggered, second.Spacelift.Runs.ForStack(run.StackId)[0].Id);
    }
}
