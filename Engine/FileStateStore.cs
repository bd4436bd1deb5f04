using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Diagnostics;

namespace Infra.Engine;

/// <summary>
/// <c>&lt;StateDir&gt;/&lt;stack&gt;.json</c>, replaced atomically (temp file, fsync, rename) so that a
/// kill at any moment leaves either the old or the new state, never half of one.
/// </summary>
public sealed class FileStateStore(string directory, string stack) : IStateStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

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
            return await JsonSerializer.DeserializeAsync<StackState>(stream, Json, cancellationToken) ?? StackState.Empty;
        }
        catch (JsonException e)
        {
            throw new StateFileException($"state file {Path} is not valid JSON ({e.Message}); move it away to start from live Port", e);
        }
    }

    public async Task SaveAsync(StackState state, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temp = Path + "." + Environment.ProcessId + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, state, Json, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }
}

/// <summary>The local state file cannot be read.</summary>
public sealed class StateFileException(string message, Exception? inner = null) : InfraException(message, inner)
{
    public override int ExitCode => ExitCodes.Failure;
}
