using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// <c>infra:tokenRenewalLoop</c> (on unless set to false) and <c>infra:tokenRenewalMarginMinutes</c>
/// (<see cref="RenewalLoop.Default"/>'s ten minutes unless set).
/// </summary>
internal static class RenewalLoopConfig
{
    /// <summary>A day: Spacelift's tokens last one or ten hours (docs/spacelift-api.md); <c>up</c> refuses to arm a margin longer than the token it mints.</summary>
    private const long MaxMarginMinutes = 24 * 60;

    /// <summary>Null when the loop is turned off.</summary>
    public static RenewalLoop? Read(IStackConfig config)
    {
        var project = config.Project;
        if (config.GetBoolean($"{project}:tokenRenewalLoop") == false)
        {
            return null;
        }

        var key = $"{project}:tokenRenewalMarginMinutes";
        if (config.GetInteger(key) is not { } minutes)
        {
            return RenewalLoop.Default;
        }

        return minutes is >= 1 and <= MaxMarginMinutes
            ? new RenewalLoop(TimeSpan.FromMinutes(minutes))
            : throw config.Invalid(key, $"must be between 1 and {MaxMarginMinutes}, got '{minutes}'", config.Get(key));
    }
}
