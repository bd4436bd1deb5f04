using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// One state transition of a run, as the pump emits it: <see cref="StateVersion"/> is the 1-based index of
/// the state in the run's script, <see cref="At"/> the moment of the transition, and
/// <see cref="EmittedTimestamp"/> a <see cref="System.Diagnostics.Stopwatch"/> stamp (for the benchmark).
/// </summary>
public sealed record RunEvent(EmulatedRun Run, EmulatedStack Stack, string State, int StateVersion, DateTimeOffset At, long EmittedTimestamp);
