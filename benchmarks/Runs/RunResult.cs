using Benchmarks.Measurement;

namespace Benchmarks.Runs;

/// <summary>
/// One measured product run. <see cref="ReadTime"/> is the plan phase (reads Spacelift and live Port, writes
/// nothing); <see cref="Outcome"/> summarises the plan (creates/updates/deletes/sames) or says why it did not run.
/// </summary>
public sealed record RunResult(
    int LatencyMs,
    int Stacks,
    string Name,
    TimeSpan Wall,
    TimeSpan ReadTime,
    RequestCounts Requests,
    MemoryMeasurement Memory,
    string Outcome,
    bool Succeeded)
{
    public static RunResult NotRun(int latencyMs, int stacks, string name, string why) =>
        new(latencyMs, stacks, name, TimeSpan.Zero, TimeSpan.Zero, new RequestCounts(0, 0, 0, 0, 0, 0),
            new MemoryMeasurement(0, false, 0, 0, 0), "not run: " + why, Succeeded: false);
}
