using System.Text.RegularExpressions;
using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// <c>infra:liveUpdates</c> and <c>infra:liveUpdatesSpace</c> (<c>root</c> by default). Off by default:
/// it needs a Spacelift admin key and a plan that has webhooks.
/// </summary>
internal static partial class LiveUpdatesConfig
{
    public const string DefaultSpace = "root";

    /// <summary>Null when live updates are off (unset or false). <paramref name="suffix"/> is <c>infra:nameSuffix</c>, already checked.</summary>
    public static LiveUpdates? Read(IStackConfig config, string suffix)
    {
        var project = config.Project;
        if (config.GetBoolean($"{project}:liveUpdates") != true)
        {
            return null;
        }

        if (suffix.Length > LiveUpdateNames.MaxSuffixLength)
        {
            var key = $"{project}:nameSuffix";
            throw config.Invalid(key, $"is '{suffix}': with live updates on it may be at most {LiveUpdateNames.MaxSuffixLength} characters long (Port caps the webhook's identifier at 30)", config.Get(key));
        }

        var spaceKey = $"{project}:liveUpdatesSpace";
        var space = config.Get(spaceKey)?.Text ?? DefaultSpace;
        if (!SpaceId().IsMatch(space))
        {
            throw config.Invalid(spaceKey, $"is '{space}': a Spacelift space id holds only letters, digits, '-' and '_' (for example 'root')");
        }

        return new LiveUpdates(space);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SpaceId();
}
