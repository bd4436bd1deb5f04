using Infra.Cli.Diagnostics;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;

namespace Infra.Tests.Engine;

public sealed class LockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ASecondLockFailsFastNamingTheHolderAndTheFile()
    {
        // Given
        using var first = StackLock.Acquire(_dir, "dev", "up", TimeProvider.System);

        // When
        var e = Assert.Throws<StackLockedException>(() => StackLock.Acquire(_dir, "dev", "destroy", TimeProvider.System));

        // Then
        Assert.Equal(ExitCodes.ConcurrentUpdate, e.ExitCode);
        Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", e.Message);
        Assert.Contains("'up'", e.Message);
        Assert.Contains(first.Path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ReleasingTheLockLetsTheNextRunInAndOtherStacksAreIndependent()
    {
        string ownerPath;
        using (var first = StackLock.Acquire(_dir, "dev", "up", TimeProvider.System))
        {
            ownerPath = first.OwnerPath;
            using var other = StackLock.Acquire(_dir, "prod", "up", TimeProvider.System);
        }

        Assert.False(File.Exists(ownerPath));
        using var again = StackLock.Acquire(_dir, "dev", "refresh", TimeProvider.System);
        Assert.Contains("\"command\":\"refresh\"", File.ReadAllText(again.OwnerPath));
    }

    [Fact]
    public void AFinishedRunLeavesNothingBehind()
    {
        using (StackLock.Acquire(_dir, "dev", "up", TimeProvider.System))
        {
        }

        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void WhileHeldTheOwnerRecordNamesHostPidAndStartTime()
    {
        using var held = StackLock.Acquire(_dir, "dev", "up", TimeProvider.System);

        var holder = System.Text.Json.JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(held.OwnerPath), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Equal(Environment.ProcessId, holder!.Pid);
        Assert.Equal(Environment.MachineName, holder.Host);
        Assert.Equal("up", holder.Command);
        Assert.NotNull(holder.ProcessStartedAt);
    }

    [Fact]
    public async Task InARealRaceTheLoserWaitsForTheWinnersRecordAndNamesIt()
    {
        // The winner has taken the lock and not yet written who it is: the window of a real race.
        // A record from an earlier, killed run is still there and must not be named instead.
        WriteRecord(Holder(DeadPid(), "up-killed"));
        var lockPath = Path.Combine(_dir, "dev.lock");
        using var winner = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var loser = Task.Run(() => Assert.Throws<StackLockedException>(() => StackLock.Acquire(_dir, "dev", "up", TimeProvider.System)));
        await Task.Delay(300);
        WriteRecord(Holder(Environment.ProcessId, "destroy"));
        var e = await loser;

        Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", e.Message);
        Assert.Contains("'destroy'", e.Message);
        Assert.DoesNotContain("up-killed", e.Message);
    }

    [Fact]
    public void TheAdviceNeverSaysToDeleteALiveLock()
    {
        using var first = StackLock.Acquire(_dir, "dev", "up", TimeProvider.System);

        var e = Assert.Throws<StackLockedException>(() => StackLock.Acquire(_dir, "dev", "up", TimeProvider.System));

        Assert.DoesNotContain("delete", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("remove", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("wait for it to finish", e.Message);
    }

    [Fact]
    public void ALockFileDeletedUnderALiveHolderDoesNotLetASecondRunIn()
    {
        using var first = StackLock.Acquire(_dir, "dev", "up", TimeProvider.System);
        File.Delete(first.Path);

        var e = Assert.Throws<StackLockedException>(() => StackLock.Acquire(_dir, "dev", "destroy", TimeProvider.System));

        Assert.Contains($"pid {Environment.ProcessId}", e.Message);
        Assert.Contains("'up'", e.Message);
    }

    [Fact]
    public void AHolderWhosePidIsNoLongerRunningIsTakenOver()
    {
        WriteRecord(Holder(DeadPid(), "up"));

        using var taken = StackLock.Acquire(_dir, "dev", "refresh", TimeProvider.System);

        Assert.Contains("\"command\":\"refresh\"", File.ReadAllText(taken.OwnerPath));
    }

    [Fact]
    public void AHolderWhosePidNowBelongsToAProcessStartedLaterIsTakenOver()
    {
        // This very process holds the pid now, but it started after the recorded holder did.
        WriteRecord(Holder(Environment.ProcessId, "up") with { ProcessStartedAt = DateTimeOffset.UtcNow.AddYears(-1), StartedAt = DateTimeOffset.UtcNow.AddYears(-1) });

        using var taken = StackLock.Acquire(_dir, "dev", "refresh", TimeProvider.System);

        Assert.Contains("\"command\":\"refresh\"", File.ReadAllText(taken.OwnerPath));
    }

    [Fact]
    public void AHolderOnAnotherHostIsNotTakenOverAndTheAdviceSaysWhatToCheck()
    {
        WriteRecord(Holder(4242, "up") with { Host = "another-runner" });

        var e = Assert.Throws<StackLockedException>(() => StackLock.Acquire(_dir, "dev", "up", TimeProvider.System));

        Assert.Contains("pid 4242 on another-runner", e.Message);
        Assert.Contains("once it has ended", e.Message);
        Assert.Contains(Path.Combine(_dir, "dev.lock.owner"), e.Message);
    }

    [Fact]
    public void TheTemporaryFilesAKilledRunLeftAreRemovedByTheNextLock()
    {
        var leftovers = new[] { $"dev.json.{Guid.NewGuid():N}.tmp", $"dev.lock.owner.{Guid.NewGuid():N}.tmp" };
        foreach (var leftover in leftovers)
        {
            File.WriteAllBytes(Path.Combine(_dir, leftover), []);
        }

        var unrelated = Path.Combine(_dir, $"prod.json.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(unrelated, []);

        using (StackLock.Acquire(_dir, "dev", "up", TimeProvider.System))
        {
        }

        Assert.Equal([unrelated], Directory.GetFiles(_dir));
    }

    private static LockHolder Holder(int pid, string command) =>
        new(pid, Environment.MachineName, Environment.UserName, DateTimeOffset.UtcNow, command);

    private void WriteRecord(LockHolder holder) =>
        File.WriteAllText(Path.Combine(_dir, "dev.lock.owner"), System.Text.Json.JsonSerializer.Serialize(holder, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

    /// <summary>The pid of a process that has exited.</summary>
    private static int DeadPid()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public async Task TheFactoryRefusesAnExclusiveEngineWhileTheLockIsHeld()
    {
        // Given
        using var f = new EngineFixture();
        using var held = StackLock.Acquire(f.StateDir, "dev", "up", TimeProvider.System);

        // When / Then
        var e = await Assert.ThrowsAsync<StackLockedException>(() => Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration()).CreateAsync(f.Configuration, "up", exclusive: true, CancellationToken.None));
        Assert.Contains("is locked by pid", e.Message);
    }
}
