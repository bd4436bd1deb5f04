using Benchmarks.Measurement;

namespace Benchmarks.Runs;

/// <summary>
/// One measured product run. <see cref="ReadTime"/> is the plan phase (reads Spacelift and live Port, writes
/// nothing); <see cref="Cpu"/> the processor time this process used meanwhile (emulators included when they run
/// in-process); <see cref="Outcome"/> summarises the plan (creates/updates/deletes/sames) or says why it did not run.
/// </summary>
public sealed record RunResult(
    int LatencyMs,
    int Stacks,
    string Name,
    TimeSpan Wall,
    TimeSpan ReadTime,
    TimeSpan Cpu,
    RequestCounts Requests,
    MemoryMeasurement Memory,
    string Outcome,
    bool Succeeded)
{
    public static RunResult NotRun(int latencyMs, int stacks, string name, string why) =>
        new(latencyMs, stacks, name, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, RequestCounts.None,
            new MemoryMeasurement(0, 0, false, 0, 0, 0), "not run: " + why, Succeeded: false);
}
