using Infra.Cli.Diagnostics;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

public sealed class FileStateStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-state-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AMissingFileIsAnEmptyState()
        => Assert.Same(StackState.Empty, await new FileStateStore(Path.Combine(_dir, "nowhere"), "dev").LoadAsync(CancellationToken.None));

    [Fact]
    public async Task StateRoundTripsAndLeavesNoTemporaryFile()
    {
        // Given
        var store = new FileStateStore(Path.Combine(_dir, "nested"), "dev");
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var state = new StackState(
            [new ManagedResource(ResourceKind.Blueprint, "bp")],
            [new PendingOperation(ChangeKind.Delete, ResourceKind.Entity, "bp", 3, at)],
            new LastOperation(Operation.Update, at, null, 1, 0));

        // When
        await store.SaveAsync(state, CancellationToken.None);
        var loaded = await store.LoadAsync(CancellationToken.None);

        // Then
        Assert.Equal(state.Managed, loaded.Managed);
        Assert.Equal(state.Pending, loaded.Pending);
        Assert.Equal(state.LastRun, loaded.LastRun);
        Assert.Equal(["dev.json"], Directory.GetFiles(Path.Combine(_dir, "nested")).Select(Path.GetFileName));
        Assert.Contains("\"kind\": \"Blueprint\"", await File.ReadAllTextAsync(store.Path));
    }

    [Fact]
    public async Task ACorruptFileIsAOneLineErrorNamingIt()
    {
        var store = new FileStateStore(_dir, "dev");
        await File.WriteAllTextAsync(store.Path, "{ not json");

        var e = await Assert.ThrowsAsync<StateFileException>(() => store.LoadAsync(CancellationToken.None));

        Assert.Contains(store.Path, e.Message);
        Assert.Equal(ExitCodes.Failure, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
    }
}
