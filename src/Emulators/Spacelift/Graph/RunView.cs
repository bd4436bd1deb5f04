using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// A run as the <c>Run</c> GraphQL type shows it. A triggered run follows the run script; a run of the
/// generated history keeps its outcome (see <see cref="RunProgress"/>).
/// </summary>
internal sealed class RunView(EmulatedRun run, SpaceliftEmulator state)
{
    private DateTimeOffset Now => state.Time.GetUtcNow();

    private (string State, DateTimeOffset Since) Current => RunProgress.StateAt(run, state.Runs.Script, Now);

    public string Id => run.Id;
    public string Title => run.Commit?.Message ?? $"Trigger {run.Type.ToLowerInvariant()} run on {run.StackId}";
    public string Type => run.Type;
    public string State => Current.State;
    public long CreatedAt => run.CreatedAt.ToUnixTimeSeconds();
    public long UpdatedAt => Current.Since.ToUnixTimeSeconds();
    public string Branch => run.Branch;

    /// <summary>Null for a run a Git push or drift detection started (spacectl shows such runs as "Git commit").</summary>
    public string? TriggeredBy => run.TriggeredBy.Length == 0 ? null : run.TriggeredBy;
    public bool DriftDetection => run.DriftDetection;
    public CommitView Commit => CommitOf(run, state.Stacks.Find(run.StackId));
    public RunDeltaView? Delta => RunProgress.DeltaAt(run, state.Runs.Script, Now) is { } d ? new RunDeltaView(d) : null;
    public bool IsMostRecent => state.Runs.ForStack(run.StackId).FirstOrDefault()?.Id == run.Id;
    public bool Finished => StackStates.Terminal.Contains(State);
    public bool Expired => false;
    public bool NeedsApproval => false;
    public bool CanRetry => run.Type == "TRACKED" && State == "FAILED" && IsMostRecent;
    public IReadOnlyList<RunCommentView> Comments => [];
    public string? Command => null;

    public IReadOnlyList<RunStateTransitionView> History
        => [.. RunProgress.Transitions(run, state.Runs.Script, Now)
            .Select((t, i) => new RunStateTransitionView(
                t.State, t.At.ToUnixTimeSeconds(), StackStates.Terminal.Contains(t.State), i > 0, null, i == 0 ? TriggeredBy : null))
            .Reverse()];

    /// <summary>
    /// The run's commit: its own details for a run of the history, else the stack's tracked commit's (the same
    /// details the webhook payload carries, so a reader and a receiver agree).
    /// </summary>
    internal static CommitView CommitOf(EmulatedRun run, EmulatedStack? stack)
    {
        var commit = stack is null
            ? new CommitView(null, "The Octocat", run.CommitSha, $"Commit {run.CommitSha[..Math.Min(7, run.CommitSha.Length)]}", run.CreatedAt.ToUnixTimeSeconds(), null, "")
            : StackView.CommitOf(stack, run.CommitSha);
        return run.Commit is { } details
            ? commit with { AuthorLogin = details.AuthorLogin, AuthorName = details.AuthorName, Message = details.Message, Timestamp = details.Timestamp }
            : commit;
    }
}
