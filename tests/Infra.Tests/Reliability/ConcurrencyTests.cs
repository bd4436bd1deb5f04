using System.Diagnostics;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// Two <c>up</c> runs at once: one runs, the other is refused with exit 10 naming the holder, without
/// waiting for the lock: the refusal arrives while the first run is stopped mid-run.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ChildProcessCollection.Name)]
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SecondUpIsRefusedFastAndNamesTheLockHolder()
    {
        // Latency stretches the first run so the second one surely starts while it holds the lock.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2000, LatencyMs = 20 });
        using var first = sandbox.StartChild("up", "--yes");
        for (var i = 0; i < 600 && !File.Exists(sandbox.LockOwnerFile) && !first.HasExited; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(sandbox.LockOwnerFile), "the first run never took the lock");

        // A barrier instead of a stopwatch: the first run is stopped (SIGSTOP) while it holds the lock,
        // so it cannot finish nor release the lock until the test resumes it. A second run that waited
        // for the lock would never return here; it must be refused while the first is still stopped.
        var clock = Stopwatch.StartNew();
        CliRun second;
        using (first.Pause())
        {
            second = await sandbox.Cli("up", "--yes");
            clock.Stop();
            Assert.False(first.HasExited, "the first run ended while it was stopped");
            Assert.True(File.Exists(sandbox.LockOwnerFile), "the lock was released while its holder was stopped");
        }

        var firstRun = await first.WaitAsync(TimeSpan.FromMinutes(3));

        output.WriteLine($"second up refused in {clock.ElapsedMilliseconds} ms with exit {second.ExitCode}: {second.ErrorLines.FirstOrDefault()}");
        Expect.Exit(ExitCodes.ConcurrentUpdate, second);
        Expect.OneLineError(second);
        Assert.Contains($"pid {first.Id}", second.Error, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, firstRun);
        sandbox.AssertEntitiesMatchStacks();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }
}
