using Emulators.Clock;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Clock;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NowMovesSpeedTimesAsFastFromTheMomentItIsMade()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(real, 1440);

        real.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(Start + TimeSpan.FromDays(1), clock.GetUtcNow());
    }

    [Fact]
    public void TimersAndWaitsFireAfterTheirEmulatedDueTimeDividedBySpeed()
    {
        var real = new FakeTimeProvider(Start);
        var clock = new ScaledTimeProvider(real, 3600);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        var delay = Task.Delay(TimeSpan.FromMinutes(90), clock);

        real.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        Assert.False(delay.IsCompleted);

        timer.Change(TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, fired);
        Assert.True(delay.IsCompleted);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(2_000_000)]
    public void ASpeedOutsideOneToAMillionIsRefused(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(TimeProvider.System, speed));
    }
}
