namespace Infra.PulumiMode;

/// <summary>
/// The Port Pulumi provider this program's resources are registered for. The engine installs the
/// plugin on demand from <see cref="PluginDownloadUrl"/> at <see cref="Version"/>; the values are the
/// ones a generated Port SDK puts on every resource (port-labs/pulumi-port v2.21.10).
/// </summary>
public static class PortProvider
{
    /// <summary>The provider release, without the 'v' (the engine parses it as strict semver).</summary>
    public const string Version = "2.21.10";

    public const string PluginDownloadUrl = "github://api.github.com/port-labs/pulumi-port";
}
