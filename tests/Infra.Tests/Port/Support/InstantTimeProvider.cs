using System.Collections.Concurrent;

namespace Infra.Tests.Port.Support;

/// <summary>
/// A clock that never makes a test wait: a timer of at most <see cref="InstantLimit"/> (retry
/// backoff, Retry-After, pacing) advances the clock by its due time, is recorded, and fires at once.
/// Longer timers (per-attempt timeouts) never fire, so tests using this clock give the clients a
/// request timeout above the limit.
/// </summary>
public sealed class InstantTimeProvider : TimeProvider
{
    public static readonly TimeSpan InstantLimit = TimeSpan.FromSeconds(61);

    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

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
