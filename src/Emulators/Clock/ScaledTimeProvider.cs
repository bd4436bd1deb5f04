namespace Emulators.Clock;

/// <summary>
/// The emulators' clock running <see cref="Speed"/> times faster than the clock it wraps: from the moment
/// it is made, every real second is <see cref="Speed"/> emulated seconds, and every timer it creates fires
/// after its due time divided by <see cref="Speed"/> on the wrapped clock. Both emulators share one, so a
/// Spacelift token's <c>validUntil</c>, Port's timer properties and a run's progress agree on what "now"
/// is, and a day of token renewals can pass in a minute. Over a fake clock it stays deterministic: the
/// test advances the fake clock and this one moves <see cref="Speed"/> times as far.
/// </summary>
/// <remarks>
/// <see cref="GetTimestamp"/> is the wrapped clock's (real elapsed time), so request latency measured with
/// timestamps stays real; waits and timers on this provider are emulated time.
/// </remarks>
public sealed class ScaledTimeProvider : TimeProvider
{
    public const double MaxSpeed = 1_000_000;

    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _origin;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is below 1 or above <see cref="MaxSpeed"/>.</exception>
    public ScaledTimeProvider(TimeProvider inner, double speed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (double.IsNaN(speed) || speed < 1 || speed > MaxSpeed)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"the clock speed must be from 1 to {MaxSpeed:0}");
        }

        _inner = inner;
        Speed = speed;
        _origin = inner.GetUtcNow();
    }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow() => _origin + ((_inner.GetUtcNow() - _origin) * Speed);

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => new ScaledTimer(_inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)), this);

    /// <summary>An emulated duration as a duration of the wrapped clock (at least one tick when positive).</summary>
    private TimeSpan ToInner(TimeSpan emulated)
    {
        if (emulated == Timeout.InfiniteTimeSpan || emulated <= TimeSpan.Zero)
        {
            return emulated;
        }

        return TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(emulated.Ticks / Speed)));
    }

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToInner(dueTime), clock.ToInner(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
