using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Support;

/// <summary>
/// The suite's one specialised clock: a <see cref="FakeTimeProvider"/> whose short timers never make a
/// client test wait. A timer of at most <see cref="InstantLimit"/> (retry backoff, Retry-After, pacing)
/// is recorded in <see cref="Delays"/>, advances the clock by its due time and fires at once. Longer
/// timers (per-attempt timeouts) never fire, so tests using this clock give the clients a request
/// timeout above the limit. Plain <see cref="FakeTimeProvider"/> cannot do this: its timers fire only
/// when the test advances it, and a client awaiting its own backoff has no test thread to do so.
/// </summary>
public sealed class InstantTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))
{
    public static readonly TimeSpan InstantLimit = TimeSpan.FromSeconds(61);

    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime <= InstantLimit)
        {
            _delays.Enqueue(dueTime);
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
