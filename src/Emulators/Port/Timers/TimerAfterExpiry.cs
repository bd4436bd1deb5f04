namespace Emulators.Port.Timers;

/// <summary>
/// What happens to a timer property's value once it has expired. Port's docs say only that the property's
/// status "will change to Expired" (port-docs docs/build-your-software-catalog/customize-integrations/
/// configure-data-model/setup-blueprint/properties/timer.md at 4893974), which reads as the value staying.
/// </summary>
public enum TimerAfterExpiry
{
    /// <summary>The value stays (the UI would show it as expired); the default.</summary>
    Keep,

    /// <summary>The value becomes null when the expiry event fires.</summary>
    Clear,
}
