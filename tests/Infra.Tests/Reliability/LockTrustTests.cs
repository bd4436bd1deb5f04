using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>The stack lock against real processes: it survives a deleted lock file and leaves nothing behind.</summary>
[Trait("Category", "Reliability")]
public sealed class LockTrustTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DeletingTheLockFileUnderALiveUpDoesNotLetASecondUpRun()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2000, LatencyMs = 20 });
        using var first = sandbox.StartChild("up", "--yes");
        for (var i = 0; i < 600 && !File.Exists(sandbox.LockOwnerFile) && !first.HasExited; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(File.Exists(sandbox.LockOwnerFile), "the first run never took the lock");
        CliRun second;
        using (first.Pause())
        {
            // What the old advice told users to do while the holder was alive.
            File.Delete(Path.Combine(sandbox.StateDir, Sandbox.StackName + ".lock"));
            second = await sandbox.Cli("up", "--yes");
        }

        var firstRun = await first.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine(second.ToString());

        Expect.Exit(ExitCodes.ConcurrentUpdate, second);
        Expect.OneLineError(second);
        Assert.Contains($"pid {first.Id} on {Environment.MachineName}", second.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("delete", second.ErrorLines[0], StringComparison.OrdinalIgnoreCase);
        Expect.Exit(ExitCodes.Success, firstRun);
        sandbox.AssertEntitiesMatchStacks();
    }

    [Fact]
    public async Task AFinishedUpLeavesOnlyTheStateFile()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });

        using var child = sandbox.StartChild("up", "--yes");
        Expect.Exit(ExitCodes.Success, await child.WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.Equal([Sandbox.StackName + ".json"], Directory.GetFiles(sandbox.StateDir).Select(Path.GetFileName));
    }
}
