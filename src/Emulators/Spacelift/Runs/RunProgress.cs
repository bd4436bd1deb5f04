using System.Security.Cryptography;
using System.Text;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Runs;

/// <summary>
/// Where a run stands at a moment: a triggered run follows the run script from its creation; a run of the
/// generated history stays in its <see cref="RunOutcome"/>. Computed from the clock when read.
/// </summary>
public static class RunProgress
{
    private const string Planning = "PLANNING";

    public static (string State, DateTimeOffset Since) StateAt(EmulatedRun run, RunScript script, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(script);
        return run.Outcome is { } outcome ? (outcome.State, outcome.At) : script.StateAt(run.CreatedAt, now);
    }

    /// <summary>The states the run has entered by <paramref name="now"/>, oldest first, each with its time.</summary>
    public static IReadOnlyList<(string State, DateTimeOffset At)> Transitions(EmulatedRun run, RunScript script, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(script);
        if (run.Outcome is not { } outcome)
        {
            var current = script.States.ToList().IndexOf(script.StateAt(run.CreatedAt, now).State);
            return [.. script.States.Take(current + 1).Select((s, i) => (s, run.CreatedAt + (script.StepDuration * i)))];
        }

        // A past run went the usual way up to planning, then to its final state (or stopped where it ended).
        var path = RunScript.Default.States.ToList();
        var end = path.IndexOf(outcome.State);
        var states = end >= 0 ? path.Take(end + 1).ToList() : [.. path.Take(path.IndexOf(Planning) + 1), outcome.State];
        var span = outcome.At - run.CreatedAt;
        return [.. states.Select((s, i) => (s, states.Count == 1 ? outcome.At : run.CreatedAt + (span * i / (states.Count - 1))))];
    }

    /// <summary>
    /// The run's planned changes as a reader sees them at <paramref name="now"/>: none (null) before planning
    /// is over, as Spacelift's clients allow (spacectl reads <c>delta</c> into a pointer).
    /// </summary>
    public static RunDelta? DeltaAt(EmulatedRun run, RunScript script, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(script);
        if (run.Outcome is not null)
        {
            return run.Delta;
        }

        var states = script.States.ToList();
        var planning = states.IndexOf(Planning);
        var current = states.IndexOf(script.StateAt(run.CreatedAt, now).State);
        var planned = planning >= 0 ? current > planning : current == states.Count - 1;
        return planned ? run.Delta ?? Derived(run.Id) : null;
    }

    public static bool IsFinished(EmulatedRun run, RunScript script, DateTimeOffset now)
        => StackStates.Terminal.Contains(StateAt(run, script, now).State);

    /// <summary>A delta fixed by the run id, so every read and every webhook of a triggered run agree.</summary>
    private static RunDelta Derived(string runId)
    {
        var h = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes("delta:" + runId)), 0);
        return new RunDelta((int)(h % 5), (int)(h / 5 % 4), (int)(h / 20 % 3), (int)(10 + (h / 60 % 40)));
    }
}
