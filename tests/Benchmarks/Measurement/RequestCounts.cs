namespace Benchmarks.Measurement;

/// <summary>
/// Requests sent to the emulators during one run, as seen on the wire (each retry attempt counts).
/// <see cref="ParallelWrites"/> are the bulk entity writes the client may keep in flight at once; every
/// other request is counted as part of the sequential chain (token, cursor-paged reads, single resources).
/// <see cref="PortBusy"/> and <see cref="SpaceliftBusy"/> add up each request's duration as the client saw it:
/// divided by the count, a mean far above the configured latency means the emulator (not the product) is slow.
/// </summary>
public sealed record RequestCounts(
    int PortReads,
    int PortWrites,
    int SpaceliftRequests,
    int ParallelWrites,
    int Throttled,
    int Failed,
    TimeSpan PortBusy,
    TimeSpan SpaceliftBusy)
{
    public static readonly RequestCounts None = new(0, 0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan PortMean => PortReads + PortWrites == 0 ? TimeSpan.Zero : PortBusy / (PortReads + PortWrites);

    public TimeSpan SpaceliftMean => SpaceliftRequests == 0 ? TimeSpan.Zero : SpaceliftBusy / SpaceliftRequests;

    public int Reads => PortReads + SpaceliftRequests;

    public int Writes => PortWrites;

    public int Total => Reads + Writes;

    public int Sequential => Total - ParallelWrites;

    /// <summary>
    /// The time the request count alone needs: the sequential part one after the other, the parallel part
    /// in waves of <paramref name="concurrency"/>, each request costing the emulators' added latency.
    /// </summary>
    public TimeSpan PhysicalLimit(int latencyMs, int concurrency) => Waves(concurrency) * TimeSpan.FromMilliseconds(latencyMs);

    /// <summary>
    /// The same line with each request costing what requests actually took during the run instead of the
    /// configured latency: on a loaded machine it separates a slow emulator from the product's own scheduling.
    /// </summary>
    public TimeSpan ObservedLimit(int concurrency) =>
        Total == 0 ? TimeSpan.Zero : Waves(concurrency) * ((PortBusy + SpaceliftBusy) / Total);

    private long Waves(int concurrency) => Sequential + (ParallelWrites + concurrency - 1) / concurrency;
}
