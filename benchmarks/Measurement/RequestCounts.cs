namespace Benchmarks.Measurement;

/// <summary>
/// Requests sent to the emulators during one run, as seen on the wire (each retry attempt counts).
/// <see cref="ParallelWrites"/> are the bulk entity writes the client may keep in flight at once; every
/// other request is counted as part of the sequential chain (token, cursor-paged reads, single resources).
/// </summary>
public sealed record RequestCounts(int PortReads, int PortWrites, int SpaceliftRequests, int ParallelWrites, int Throttled, int Failed)
{
    public int Reads => PortReads + SpaceliftRequests;

    public int Writes => PortWrites;

    public int Total => Reads + Writes;

    public int Sequential => Total - ParallelWrites;

    /// <summary>
    /// The time the request count alone needs: the sequential part one after the other, the parallel part
    /// in waves of <paramref name="concurrency"/>, each request costing the emulators' added latency.
    /// </summary>
    public TimeSpan PhysicalLimit(int latencyMs, int concurrency) =>
        TimeSpan.FromMilliseconds(((long)Sequential + (ParallelWrites + concurrency - 1) / concurrency) * latencyMs);
}
