using Benchmarks.Measurement;

namespace Benchmarks.Runs;

/// <summary>
/// The naive baseline measured on the first <see cref="MeasuredOn"/> of <see cref="Stacks"/> stacks.
/// <see cref="Fixed"/> is the part paid once (tokens and the unpaged stacks query), <see cref="PerStack"/>
/// the measured average of one single upsert on a fresh connection; the full account is extrapolated linearly.
/// </summary>
public sealed record BaselineResult(
    int LatencyMs,
    int Stacks,
    int MeasuredOn,
    TimeSpan Fixed,
    TimeSpan PerStack,
    int Rejected,
    RequestCounts Requests)
{
    public TimeSpan Extrapolated => Fixed + PerStack * Stacks;
}
