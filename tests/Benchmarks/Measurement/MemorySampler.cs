using System.Diagnostics;

namespace Benchmarks.Measurement;

/// <summary>
/// Measures memory over one run: the kernel's peak RSS (reset through <c>/proc/self/clear_refs</c> so each
/// run gets its own peak) and the managed heap, sampled by a timer because a peak between two samples of a
/// counter is otherwise lost.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly PeriodicTimer _timer = new(Interval);
    private readonly Task _sampling;
    private readonly long _heapBefore;
    private readonly long _allocatedBefore;
    private readonly bool _rssReset;
    private readonly long _rssAtStart;
    private long _managedPeak;

    private MemorySampler()
    {
        // Collect, finalize, collect again (what finalizers released), and compact the large object heap too,
        // so the heap the run starts from is what is really still reachable.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        _managedPeak = _heapBefore;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _rssReset = ResetPeakRss();
        _rssAtStart = PeakRss();
        _sampling = SampleAsync();
    }

    public static MemorySampler Start() => new();

    public async Task<MemoryMeasurement> StopAsync()
    {
        _timer.Dispose();
        await _sampling.ConfigureAwait(false);
        Sample();
        return new MemoryMeasurement(
            PeakRss(),
            _rssAtStart,
            _rssReset,
            _managedPeak,
            Math.Max(0, _managedPeak - _heapBefore),
            GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore);
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _sampling.ConfigureAwait(false);
    }

    private async Task SampleAsync()
    {
        while (await _timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            Sample();
        }
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var last = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        var peak = Math.Max(heap, last);
        long seen;
        while (peak > (seen = Interlocked.Read(ref _managedPeak)) && Interlocked.CompareExchange(ref _managedPeak, peak, seen) != seen)
        {
        }
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS (Linux only).</summary>
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static long PeakRss()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux: fall through to the portable (whole-process) counter.
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
