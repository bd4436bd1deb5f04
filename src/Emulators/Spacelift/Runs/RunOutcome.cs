namespace Emulators.Spacelift.Runs;

/// <summary>
/// How a run from the account's history ended: it stays in <see cref="State"/> from <see cref="At"/> on,
/// instead of moving through the run script as a run triggered on the emulator does.
/// </summary>
/// <param name="State">A <c>RunState</c> value (usually terminal; an UNCONFIRMED run waits for confirmation).</param>
public sealed record RunOutcome(string State, DateTimeOffset At);
