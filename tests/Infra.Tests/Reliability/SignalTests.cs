using System.Diagnostics;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// SIGTERM (CI runners, <c>timeout</c>) is handled like SIGINT (Ctrl-C): the run stops cleanly with exit
/// 8, says what was applied and what was not, and leaves neither the lock nor a temp file behind; the
/// next run finishes the job.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SignalTests(ITestOutputHelper output)
{
    private const int Stacks = 1500;

    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGINT")]
    public async Task ASignalMidApplyStopsCleanlyAndSaysWhatWasAndWasNotApplied(string signal)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = Stacks, LatencyMs = 30 });
        // One bulk request in flight: the rest of the entities take seconds after the first 100 land, so the
        // signal always arrives mid-apply (with 16 in flight the whole apply took under a second and the
        // signal could come after its end).
        sandbox.Config["infra:concurrency"] = "1";
        sandbox.WriteStackFile();
        var clock = Stopwatch.StartNew();
        using var child = sandbox.StartChild("up", "--yes");
        while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && sandbox.Emulators.Port.EntityCount(Sandbox.Blueprint) < 100)
        {
            await Task.Delay(20);
        }

        Assert.False(child.HasExited, "the run ended before the signal");
        if (signal == "SIGTERM")
        {
            child.Terminate();
        }
        else
        {
            child.Interrupt();
        }

        var run = await child.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(run.ToString());
        var written = sandbox.Emulators.Port.EntityCount(Sandbox.Blueprint);
        if (signal == "SIGINT" && IgnoredSignals.Ignores(IgnoredSignals.SigInt))
        {
            // This test host runs as a background job and ignores SIGINT, so the child inherited the ignore
            // and must not notice the signal at all: it finishes, and everything it wrote is whole.
            Expect.Exit(ExitCodes.Success, run);
            sandbox.AssertEntitiesMatchStacks();
            return;
        }

        Expect.Exit(ExitCodes.Cancelled, run);
        Expect.OneLineError(run);
        Assert.Contains("interrupted", run.ErrorLines[0], StringComparison.Ordinal);
        var applied = run.Error.Split('\n').Single(l => l.TrimStart().StartsWith("applied:", StringComparison.Ordinal));
        var notApplied = run.Error.Split('\n').Single(l => l.TrimStart().StartsWith("not applied:", StringComparison.Ordinal));
        Assert.Contains("blueprint space_lift_stack", applied, StringComparison.Ordinal);
        Assert.Contains("entities", notApplied, StringComparison.Ordinal);
        Assert.True(written < Stacks, $"all {written} entities were written: the signal came too late to test anything");
        Assert.Equal([Sandbox.StackName + ".json"], Directory.GetFiles(sandbox.StateDir).Select(Path.GetFileName));

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        sandbox.AssertEntitiesMatchStacks();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }
}
