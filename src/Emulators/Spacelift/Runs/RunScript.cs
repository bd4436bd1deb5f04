using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Runs;

/// <summary>
/// How a run moves through its states: one state per <see cref="StepDuration"/> from creation, ending
/// in the last (terminal) state. Computed from the clock when read, so nothing runs in the background.
/// </summary>
public sealed record RunScript(IReadOnlyList<string> States, TimeSpan StepDuration)
{
    public static RunScript Default { get; } = new(
        [StackStates.Queued, "PREPARING", "INITIALIZING", "PLANNING", "APPLYING", StackStates.Finished],
        TimeSpan.FromSeconds(2));

    public (string State, DateTimeOffset Since) StateAt(DateTimeOffset createdAt, DateTimeOffset now)
    {
        var step = StepDuration <= TimeSpan.Zero
            ? States.Count - 1
            : (int)Math.Clamp((now - createdAt).Ticks / StepDuration.Ticks, 0, States.Count - 1);
        return (States[step], createdAt + (StepDuration * step));
    }
}
