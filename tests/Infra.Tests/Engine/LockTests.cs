using Infra.Diagnostics;
using Infra.Engine.State;
using Infra.Engine;

namespace Infra.Tests.Engine;

public sealed class LockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_second_lock_fails_fast_naming_the_holder_and_the_file()
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
    public void Releasing_the_lock_lets_the_next_run_in_and_other_stacks_are_independent()
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
    public void The_released_lock_file_keeps_the_last_holder_as_json()
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
    public async Task The_factory_refuses_an_exclusive_engine_while_the_lock_is_held()
    {
        // Given
        using var f = new EngineFixture();
        using var held = StackLock.Acquire(f.StateDir, "dev", "up", TimeProvider.System);

        // When / Then
        var e = await Assert.ThrowsAsync<StackLockedException>(() => Infra.Cli.Hosting.Engines.Create().CreateAsync(f.Configuration, "up", exclusive: true, CancellationToken.None));
        Assert.Contains("is locked by pid", e.Message);
    }
}
