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
    public void TheReleasedLockFileKeepsTheLastHolderAsJson()
    {
        string path;
        using (var held = StackLock.Acquire(_dir, "dev", "up", TimeProvider.System))
        {
            path = held.Path;
        }

        var holder = System.Text.Json.JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Equal(Environment.ProcessId, holder!.Pid);
        Assert.Equal("up", holder.Command);
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
