namespace Benchmarks.Measurement;

/// <param name="PeakRssBytes">Peak resident set of the whole process during the run (Linux VmHWM, reset before the run).</param>
/// <param name="StartRssBytes">
/// The resident set when the run started: a process that held more memory earlier (a larger size before
/// this one) keeps part of it, so the peak of a run is only the product's own when this start is low.
/// </param>
/// <param name="PeakRssIsPerRun">False when the peak could not be reset, so it is the process's peak so far.</param>
/// <param name="ManagedPeakBytes">Highest managed heap size sampled during the run.</param>
/// <param name="ManagedGrowthBytes">That peak minus the heap left after a full collection just before the run.</param>
/// <param name="AllocatedBytes">Everything allocated by the process during the run (GC.GetTotalAllocatedBytes delta).</param>
public sealed record MemoryMeasurement(
    long PeakRssBytes,
    long StartRssBytes,
    bool PeakRssIsPerRun,
    long ManagedPeakBytes,
    long ManagedGrowthBytes,
    long AllocatedBytes);
