using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Graph;

/// <summary>A recorded run as the <c>Run</c> GraphQL type shows it; its state follows the run script.</summary>
internal sealed class RunView(EmulatedRun run, SpaceliftEmulator state)
{
    private (string State, DateTimeOffset Since) Current => state.Runs.Script.StateAt(run.CreatedAt, state.Time.GetUtcNow());

    public string Id => run.Id;
    public string Title => $"Trigger {run.Type.ToLowerInvariant()} run on {run.StackId}";
    public string Type => run.Type;
    public string State => Current.State;
    public long CreatedAt => run.CreatedAt.ToUnixTimeSeconds();
    public long UpdatedAt => Current.Since.ToUnixTimeSeconds();
    public string Branch => run.Branch;
    public string TriggeredBy => run.TriggeredBy;
    public bool DriftDetection => false;
    public CommitView Commit => new(null, "The Octocat", run.CommitSha, Title, CreatedAt, null, "");
    public bool IsMostRecent => state.Runs.ForStack(run.StackId).FirstOrDefault()?.Id == run.Id;
    public bool Finished => StackStates.Terminal.Contains(State);
    public bool Expired => false;
    public bool NeedsApproval => false;
    public string? Command => null;

    public IReadOnlyList<RunStateTransitionView> History
    {
        get
        {
            var script = state.Runs.Script;
            var current = script.States.ToList().IndexOf(State);
            return script.States.Take(current + 1)
                .Select((s, i) => new RunStateTransitionView(
                    s,
                    (run.CreatedAt + (script.StepDuration * i)).ToUnixTimeSeconds(),
                    StackStates.Terminal.Contains(s),
                    i > 0,
                    null,
                    i == 0 ? run.TriggeredBy : null))
                .Reverse()
                .ToArray();
        }
    }
}
