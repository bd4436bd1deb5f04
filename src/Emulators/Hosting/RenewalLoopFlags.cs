using System.Globalization;
using Emulators.Clock;
using Emulators.Port.Runs;
using Emulators.Port.Timers;

namespace Emulators.Hosting;

/// <summary>
/// The flags of the emulated clock and of Port's undocumented timer and <c>UPSERT_ENTITY</c> behaviours
/// (the switches of the renewal loop), kept apart from <see cref="EmulatorCommandLine"/>'s other flags.
/// </summary>
internal static class RenewalLoopFlags
{
    public const string Usage =
        """
          --clock-speed N             both emulators' clock runs N times faster than real time (1 to 1000000,
                                      default 1): token lifetimes, Port timers, run progress, latency
          --port-timer-after-expiry keep|clear
                                      what an expired timer property's value becomes (default keep)
          --port-past-timers fire|skip
                                      whether a timer written with a time already past fires at once (default fire)
          --port-upsert-entity merge|replace
                                      how an UPSERT_ENTITY invocation updates an existing entity (default merge)
        """;

    /// <summary>The options with the flag applied, or null when the flag is not one of these.</summary>
    /// <exception cref="EmulatorUsageException">A bad value; the message names the flag.</exception>
    public static EmulatorOptions? Apply(EmulatorOptions options, string flag, Func<string> value) => flag switch
    {
        "--clock-speed" => options with { ClockSpeed = Speed(flag, value()) },
        "--port-timer-after-expiry" => options with { PortTimerAfterExpiry = Choice(flag, value(), ("keep", TimerAfterExpiry.Keep), ("clear", TimerAfterExpiry.Clear)) },
        "--port-past-timers" => options with { PortPastTimersFire = Choice(flag, value(), ("fire", true), ("skip", false)) },
        "--port-upsert-entity" => options with { PortUpsertEntityUpdate = Choice(flag, value(), ("merge", UpsertEntityUpdate.Merge), ("replace", UpsertEntityUpdate.Replace)) },
        _ => null,
    };

    private static double Speed(string flag, string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed >= 1 && speed <= ScaledTimeProvider.MaxSpeed
            ? speed
            : throw new EmulatorUsageException($"{flag} '{text}' is not a number from 1 to {ScaledTimeProvider.MaxSpeed:0}");

    private static T Choice<T>(string flag, string text, params (string Name, T Value)[] choices)
    {
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new EmulatorUsageException($"{flag} '{text}' must be one of {string.Join(", ", choices.Select(c => c.Name))}");
    }
}
