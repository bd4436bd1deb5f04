using System.Diagnostics;
using Benchmarks.Measurement;

namespace Benchmarks.Runs;

/// <summary>Wraps one piece of work with a wall clock, request counts and memory sampling.</summary>
public sealed class MeasuredRun(RequestCounter counter, Uri portUrl, Uri spaceliftUrl)
{
    public async Task<(T Value, TimeSpan Wall, RequestCounts Requests, MemoryMeasurement Memory)> RunAsync<T>(Func<Task<T>> work)
    {
        await using var memory = MemorySampler.Start();
        counter.Reset(portUrl, spaceliftUrl);
        var clock = Stopwatch.StartNew();
        var value = await work().ConfigureAwait(false);
        var wall = clock.Elapsed;
        var requests = counter.Snapshot();
        return (value, wall, requests, await memory.StopAsync().ConfigureAwait(false));
    }
}
