using Emulators.Hosting;
using Emulators.Port.Runs;
using Emulators.Port.Timers;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>The clock speed and Port's timer and upsert switches on the emulators' command line.</summary>
public sealed class RenewalLoopFlagsTests
{
    [Fact]
    public void ParsesTheClockAndTheSwitches()
    {
        var options = EmulatorCommandLine.Parse([
            "--clock-speed", "1440", "--port-timer-after-expiry=clear", "--port-past-timers", "skip", "--port-upsert-entity=Replace", "--token-lifetime", "120",
        ]);

        Assert.NotNull(options);
        Assert.Equal(1440, options.ClockSpeed);
        Assert.Equal(TimerAfterExpiry.Clear, options.PortTimerAfterExpiry);
        Assert.False(options.PortPastTimersFire);
        Assert.Equal(UpsertEntityUpdate.Replace, options.PortUpsertEntityUpdate);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TokenLifetime);
    }

    [Fact]
    public void DefaultsAreTodaysAnswers()
    {
        var options = EmulatorCommandLine.Parse([])!;

        Assert.Equal((1d, TimerAfterExpiry.Keep, true, UpsertEntityUpdate.Merge), (options.ClockSpeed, options.PortTimerAfterExpiry, options.PortPastTimersFire, options.PortUpsertEntityUpdate));
        Assert.Contains("--clock-speed N", EmulatorCommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("is always there\n  --clock-speed", EmulatorCommandLine.Usage.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--clock-speed=0.5", "--clock-speed '0.5' is not a number from 1 to 1000000")]
    [InlineData("--clock-speed=fast", "'fast'")]
    [InlineData("--clock-speed", "--clock-speed needs a value")]
    [InlineData("--port-timer-after-expiry=forget", "must be one of keep, clear")]
    [InlineData("--port-past-timers=maybe", "must be one of fire, skip")]
    [InlineData("--port-upsert-entity=patch", "must be one of merge, replace")]
    public void BadValuesAreNamed(string arg, string named)
    {
        var error = Assert.Throws<EmulatorUsageException>(() => EmulatorCommandLine.Parse(arg.Split(' ')));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
