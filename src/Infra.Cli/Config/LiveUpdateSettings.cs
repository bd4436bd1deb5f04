using System.Text.RegularExpressions;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Config;

/// <summary>
/// <c>infra:liveUpdates</c> switched on: Spacelift pushes tracked runs' state changes to a Port
/// webhook (a named webhook and a notification policy in <see cref="Space"/>, whose stacks see them by
/// inheritance). Off by default: it needs a Spacelift admin key and a plan that has webhooks.
/// </summary>
/// <param name="Space"><c>infra:liveUpdatesSpace</c> [INFRA_LIVE_UPDATES_SPACE], <c>root</c> by default.</param>
public sealed partial record LiveUpdateSettings(string Space)
{
    public const string DefaultSpace = "root";

    /// <summary>Null when live updates are off (unset or false).</summary>
    internal static LiveUpdateSettings? Read(ConfigResolver values, KnownKey enabled, KnownKey space, KnownKey suffix)
    {
        if (values.Resolve(enabled) is null || !StackConfigLoader.Boolean(values, enabled))
        {
            return null;
        }

        if (values.Resolve(suffix) is { } given && given.Text.Length > LiveUpdateNames.MaxSuffixLength)
        {
            throw values.Error(suffix, $"is '{given.Text}': with live updates on it may be at most {LiveUpdateNames.MaxSuffixLength} characters long (Port caps the webhook's identifier at 30)", given);
        }

        var text = values.Resolve(space)?.Text ?? DefaultSpace;
        if (!SpaceId().IsMatch(text))
        {
            throw values.Error(space, $"is '{text}': a Spacelift space id holds only letters, digits, '-' and '_' (for example 'root')");
        }

        return new LiveUpdateSettings(text);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SpaceId();
}
