using System.Diagnostics;
using Emulators.Hosting;
using Infra.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// A 2,000-entity <c>up</c> in a child process killed with SIGKILL at points spread over a measured run;
/// a rerun must converge with exactly the expected entities, no stuck lock, then a clean preview.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class CrashMatrixTests(ITestOutputHelper output)
{
    private const int Stacks = 2000;

    [Fact]
    public async Task UpKilledAtAnyPointConvergesOnTheNextRun()
    {
        var points = LongRuns.Enabled ? 24 : 8;
        var duration = await MeasureFullRunAsync();
        output.WriteLine($"full child `up` of {Stacks} stacks: {duration.TotalMilliseconds:0} ms; {points} kill points");
        output.WriteLine("| point | kill at (ms) | was running | entities at kill | rerun exit | entities after | preview exit |");
        output.WriteLine("|---|---|---|---|---|---|---|");

        for (var point = 0; point < points; point++)
        {
            var killAt = TimeSpan.FromTicks((long)(duration.Ticks * (point + 0.5) / points));
            await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = Stacks });
            bool wasRunning;
            using (var child = sandbox.StartChild("up", "--yes"))
            {
                await Task.Delay(killAt);
                wasRunning = !child.HasExited;
                child.Kill();
            }

            var atKill = sandbox.Emulators.Port.EntityCount(Sandbox.Blueprint);
            var rerun = await sandbox.Cli("up", "--yes");
            var after = sandbox.EntityIds().Count;
            var preview = await sandbox.Cli("preview", "--expect-no-changes");
            output.WriteLine($"| {point + 1} | {killAt.TotalMilliseconds:0} | {wasRunning} | {atKill} | {rerun.ExitCode} | {after} | {preview.ExitCode} |");

            Expect.Exit(ExitCodes.Success, rerun);
            sandbox.AssertEntitiesMatchStacks();
            Expect.Exit(ExitCodes.Success, preview);
            Assert.False(File.Exists(sandbox.LockOwnerFile), "the lock holder file outlived the runs");
        }
    }

    private async Task<TimeSpan> MeasureFullRunAsync()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = Stacks });
        var clock = Stopwatch.StartNew();
        using var child = sandbox.StartChild("up", "--yes");
        var run = await child.WaitAsync(TimeSpan.FromMinutes(3));
        clock.Stop();
        Expect.Exit(ExitCodes.Success, run);
        sandbox.AssertEntitiesMatchStacks();
        return clock.Elapsed;
    }
}
