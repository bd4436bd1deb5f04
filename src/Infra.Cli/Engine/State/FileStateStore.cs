using System.Text.Json;
using Infra.Cli.Config;
using Infra.Cli.Diagnostics;

namespace Infra.Cli.Engine.State;

/// <summary>
/// <c>&lt;StateDir&gt;/&lt;stack&gt;.json</c>, replaced through <see cref="AtomicFile"/> so that a kill at
/// any moment leaves either the old or the new state, never half of one.
/// </summary>
public sealed class FileStateStore(string directory, string stack) : IStateStore
{
    public string Path { get; } = System.IO.Path.Combine(directory, stack + ".json");

    public async Task<StackState> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return StackState.Empty;
        }

        try
        {
            await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return await JsonSerializer.DeserializeAsync(stream, StateJson.Default.StackState, cancellationToken) ?? StackState.Empty;
        }
        catch (JsonException e)
        {
            throw new StateFileException($"state file {Path} is not valid JSON ({e.Message}); move it away to start from live Port", e);
        }
    }

    public Task SaveAsync(StackState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(directory);
        AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, state, StateJson.Default.StackState));
        return Task.CompletedTask;
    }
}

/// <summary>The local state file cannot be read.</summary>
public sealed class StateFileException(string message, Exception? inner = null) : InfraException(message, inner)
{
    public override int ExitCode => ExitCodes.Failure;
}
