using Infra.Cli.Config;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// Live updates need Spacelift resources (a named webhook and a notification policy), and no maintained
/// Pulumi provider declares them: pulumi-spacelift is deprecated (to be archived on 2026-12-10). Rather
/// than register the Port webhook alone, half a loop, Pulumi mode stops before any resource of the
/// program is registered and says what to do instead.
/// </summary>
internal static class LiveUpdatesRefusal
{
    public const string Message =
        "infra:liveUpdates is true, but live updates need Spacelift resources and no maintained Pulumi Spacelift provider exists (pulumi-spacelift is deprecated): " +
        "use the standalone engine (dotnet run -- up --stack NAME), or set infra:liveUpdates to false and declare spacelift_named_webhook and a NOTIFICATION spacelift_policy yourself " +
        "(pulumi package add terraform-provider spacelift-io/spacelift)";

    /// <exception cref="PulumiModeException">Live updates are on.</exception>
    public static void ThrowIfOn(StackConfiguration configuration)
    {
        if (configuration.Settings.LiveUpdates is not null)
        {
            throw new PulumiModeException(Message);
        }
    }
}
