using System.Diagnostics;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// A 2,000-entity <c>up</c> in a child process killed with SIGKILL at points spread over the run; a rerun
/// must converge with exactly the expected entities, no stuck lock, then a clean preview. The first point
/// kills as soon as the run holds its lock (still reading); the others when Port holds 1/N, 2/N, ... of the
/// entities, which spreads the kills over the write phase however fast the machine is.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ChildProcessCollection.Name)]
public sealed class CrashMatrixTests(ITestOutputHelper output)
{
    private const int Stacks = 2000;

    // A little latency per request stretches the write phase so that kills land inside it.
    private static readonly EmulatorOptions Options = new() { Stacks = Stacks, LatencyMs = 10 };

    [Fact]
    public async Task UpKilledAtAnyPointConvergesOnTheNextRun()
    {
        var points = LongRuns.Enabled ? 24 : 8;
        var duration = await MeasureFullRunAsync();
        output.WriteLine($"full child `up` of {Stacks} stacks: {duration.TotalMilliseconds:0} ms; {points} kill points");
        output.WriteLine("| point | kill when | killed at (ms) | was running | entities at kill | rerun exit | entities after | preview exit |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");

        for (var point = 0; point < points; point++)
        {
            var target = Stacks * point / points;
            await using var sandbox = await Sandbox.StartAsync(Options);
            var clock = Stopwatch.StartNew();
            bool wasRunning;
            using (var child = sandbox.StartChild("up", "--yes"))
            {
                while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && !Reached(sandbox, point, target))
                {
                    await Task.Delay(5);
                }

                wasRunning = !child.HasExited;
                child.Kill();
            }

            var killedAt = clock.Elapsed;
            var atKill = sandbox.Emulators.Port.EntityCount(Sandbox.Blueprint);
            var rerun = await sandbox.Cli("up", "--yes");
            var after = sandbox.EntityIds().Count;
            var preview = await sandbox.Cli("preview", "--expect-no-changes");
            var when = point == 0 ? "lock taken" : $">= {target} entities";
            output.WriteLine($"| {point + 1} | {when} | {killedAt.TotalMilliseconds:0} | {wasRunning} | {atKill} | {rerun.ExitCode} | {after} | {preview.ExitCode} |");

            Expect.Exit(ExitCodes.Success, rerun);
            sandbox.AssertEntitiesMatchStacks();
            Expect.Exit(ExitCodes.Success, preview);
            Assert.False(File.Exists(sandbox.LockOwnerFile), "the lock holder file outlived the runs");
        }
    }

    private static bool Reached(Sandbox sandbox, int point, int target) =>
        point == 0 ? File.Exists(sandbox.LockOwnerFile) : sandbox.Emulators.Port.EntityCount(Sandbox.Blueprint) >= target;

    private async Task<TimeSpan> MeasureFullRunAsync()
    {
        await using var sandbox = await Sandbox.StartAsync(Options);
        var clock = Stopwatch.StartNew();
        using var child = sandbox.StartChild("up", "--yes");
        var run = await child.WaitAsync(TimeSpan.FromMinutes(3));
        clock.Stop();
        Expect.Exit(ExitCodes.Success, run);
        sandbox.AssertEntitiesMatchStacks();
        return clock.Elapsed;
    }
}
