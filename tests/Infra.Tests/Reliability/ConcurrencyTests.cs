using System.Diagnostics;
using Emulators.Hosting;
using Infra.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>Two <c>up</c> runs at once: one runs, the other is refused fast with exit 10 naming the holder.</summary>
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
        var clock = Stopwatch.StartNew();
        var second = await sandbox.Cli("up", "--yes");
        clock.Stop();
        var firstRun = await first.WaitAsync(TimeSpan.FromMinutes(3));

        output.WriteLine($"second up refused in {clock.ElapsedMilliseconds} ms with exit {second.ExitCode}: {second.ErrorLines.FirstOrDefault()}");
        Expect.Exit(ExitCodes.ConcurrentUpdate, second);
        Expect.OneLineError(second);
        Assert.Contains($"pid {first.Id}", second.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refusal took {clock.Elapsed}");
        Expect.Exit(ExitCodes.Success, firstRun);
        sandbox.AssertEntitiesMatchStacks();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }
}
