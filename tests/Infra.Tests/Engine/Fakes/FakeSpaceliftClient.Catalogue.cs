using Infra.Cli.Spacelift;
using Infra.Sdk.Spacelift;

namespace Infra.Tests.Engine.Fakes;

/// <summary>The catalogue's reads: a settable list of spaces and runs per stack, with injectable failures.</summary>
public sealed partial class FakeSpaceliftClient
{
    public List<SpaceliftSpace> Spaces { get; } = [];

    /// <summary>Runs per stack, any order (the read gives them newest first).</summary>
    public Dictionary<string, List<SpaceliftRun>> Runs { get; } = new(StringComparer.Ordinal);

    /// <summary>Stacks whose run read throws <see cref="SpaceliftException"/>.</summary>
    public HashSet<string> FailRunsOf { get; } = new(StringComparer.Ordinal);

    public bool FailSpaces { get; set; }

    public int RunReads { get; private set; }

    public Task<IReadOnlyList<SpaceliftSpace>> ListSpacesAsync(CancellationToken cancellationToken)
        => FailSpaces
            ? throw new SpaceliftException("Spacelift spaces: internal error")
            : Task.FromResult<IReadOnlyList<SpaceliftSpace>>([.. Spaces]);

    public Task<IReadOnlyList<SpaceliftRun>?> ListRunsAsync(string stackId, Func<IReadOnlyList<SpaceliftRun>, bool> enough, CancellationToken cancellationToken)
    {
        lock (Runs)
        {
            RunReads++;
        }

        if (FailRunsOf.Contains(stackId))
        {
            throw new SpaceliftException($"Spacelift runs of stack '{stackId}' page 1: internal error");
        }

        if (!Stacks.Any(s => s.Id == stackId))
        {
            return Task.FromResult<IReadOnlyList<SpaceliftRun>?>(null);
        }

        IReadOnlyList<SpaceliftRun> runs = [.. (Runs.GetValueOrDefault(stackId) ?? []).OrderByDescending(r => r.CreatedAt)];
        return Task.FromResult<IReadOnlyList<SpaceliftRun>?>(runs);
    }
}
