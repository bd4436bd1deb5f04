using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Support;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> forward with the wall clock, for the end-to-end world: the
/// program's retry backoff and per-attempt timeouts fire and Spacelift runs progress as in production,
/// while a test can still jump ahead with <see cref="FakeTimeProvider.Advance"/> so tokens really expire.
/// The loop ends when the driver is disposed.
/// </summary>
internal sealed class WallClockDriver : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    private readonly FakeTimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WallClockDriver(FakeTimeProvider clock)
    {
        _clock = clock;
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var ticks = new PeriodicTimer(Tick);
        var last = Stopwatch.GetTimestamp();
        try
        {
            while (await ticks.WaitForNextTickAsync(_stop.Token))
            {
                var now = Stopwatch.GetTimestamp();
                _clock.Advance(Stopwatch.GetElapsedTime(last, now));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: time stops.
        }
    }
}
