using Emulators.Hosting;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// Pulumi mode with <c>infra:liveUpdates</c> on: the graph declares Spacelift kinds, which no Pulumi provider
/// of this program renders, so it stops with one error line saying what to do, before it registers any
/// resource of its own.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiLiveUpdatesTests
{
    [Fact]
    public async Task LiveUpdatesOnFailsWithOneLineBeforeAnyResourceIsRegistered()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        world.Config["infra:liveUpdates"] = "true";

        var (run, calls) = await world.RunAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(calls.Custom());
        var message = Recorded.Text(Assert.Single(calls.Errors()).Request, "message") ?? "";
        Assert.Contains("infra:liveUpdates", message, StringComparison.Ordinal);
        Assert.Contains("standalone engine", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message.TrimEnd());
    }
}
