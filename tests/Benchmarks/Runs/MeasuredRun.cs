using System.Diagnostics;
using Benchmarks.Measurement;

namespace Benchmarks.Runs;

/// <summary>Wraps one piece of work with a wall clock, request counts and memory sampling.</summary>
public sealed class MeasuredRun(RequestCounter counter, Uri portUrl, Uri spaceliftUrl)
{
    /// <returns>The work's value, its wall time, the CPU time this process used meanwhile, requests and memory.</returns>
    public async Task<(T Value, TimeSpan Wall, TimeSpan Cpu, RequestCounts Requests, MemoryMeasurement Memory)> RunAsync<T>(Func<Task<T>> work)
    {
        await using var memory = MemorySampler.Start();
        counter.Reset(portUrl, spaceliftUrl);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var value = await work().ConfigureAwait(false);
        var wall = clock.Elapsed;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var requests = counter.Snapshot();
        return (value, wall, cpu, requests, await memory.StopAsync().ConfigureAwait(false));
    }
}
