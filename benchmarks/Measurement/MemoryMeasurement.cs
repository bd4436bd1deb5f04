namespace Benchmarks.Measurement;

/// <param name="PeakRssBytes">Peak resident set of the whole process during the run (Linux VmHWM, reset before the run).</param>
/// <param name="PeakRssIsPerRun">False when the peak could not be reset, so it is the process's peak so far.</param>
/// <param name="ManagedPeakBytes">Highest managed heap size sampled during the run.</param>
/// <param name="ManagedGrowthBytes">That peak minus the heap left after a full collection just before the run.</param>
/// <param name="AllocatedBytes">Everything allocated by the process during the run (GC.GetTotalAllocatedBytes delta).</param>
public sealed record MemoryMeasurement(
    long PeakRssBytes,
    bool PeakRssIsPerRun,
    long ManagedPeakBytes,
    long ManagedGrowthBytes,
    long AllocatedBytes);
