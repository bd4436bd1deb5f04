using System.Text;
using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// Spacelift's Terraform provider as a Pulumi package, the way <c>pulumi package add terraform-provider
/// spacelift-io/spacelift</c> makes it: Pulumi's <c>terraform-provider</c> plugin (the dynamically bridged
/// provider) parameterized with the Terraform provider's registry address and version. A generated .NET SDK
/// sends exactly this <c>RegisterPackage</c> request before its first resource (pulumi/pulumi-dotnet
/// <c>pulumi-language-dotnet/codegen/templates.go</c>, <c>PackageParameterization</c>).
/// </summary>
public static class SpaceliftPackage
{
    /// <summary>The bridge's plugin (pulumi/pulumi-terraform-bridge <c>dynamic/main.go</c>, <c>baseProviderName</c>).</summary>
    public const string PluginName = "terraform-provider";

    /// <summary>The newest release of the plugin (pulumi/pulumi-terraform-provider tag v1.1.3), without the 'v'.</summary>
    public const string PluginVersion = "1.1.3";

    /// <summary>The Terraform provider's address; the bridge's default registry is OpenTofu's (<c>dynamic/README.md</c>).</summary>
    public const string RegistryAddress = "registry.opentofu.org/spacelift-io/spacelift";

    /// <summary>The package's name: the Terraform provider's type, which the plugin answers to <c>Parameterize</c> and the engine checks.</summary>
    public const string Name = "spacelift";

    /// <summary>The Terraform provider's release the program is checked against (spacelift-io/terraform-provider-spacelift tag v1.53.5).</summary>
    public const string Version = "1.53.5";

    /// <summary>The oldest Pulumi CLI whose <c>pulumi package add terraform-provider</c> the bridge's documentation supports.</summary>
    public const string MinimumCliVersion = "3.147.0";

    /// <summary>The one line for an engine that does not report <c>parameterization</c>.</summary>
    public const string UnsupportedMessage =
        "infra:liveUpdates under the Pulumi CLI needs Pulumi CLI " + MinimumCliVersion + " or newer: this engine does not support parameterized packages, " +
        "which declare the Spacelift side through Pulumi's bridge to Spacelift's Terraform provider (or run the standalone engine: dotnet run -- up --stack NAME)";

    /// <summary>The explicit provider's type token.</summary>
    public const string ProviderType = "pulumi:providers:" + Name;

    /// <summary>
    /// The parameter the plugin reads back (<c>dynamic/parameterize/value.go</c>, <c>Value.Marshal</c>): Go's JSON of
    /// <c>{remote: {url, version}}</c>, the other members omitted when empty.
    /// </summary>
    public static byte[] Parameter(string registryAddress, string version)
    {
        // Go escapes '<', '>', '&' and control characters; none may appear in an address or a version.
        if (!IsPlain(registryAddress) || !IsPlain(version))
        {
            throw new ArgumentException($"'{registryAddress}' '{version}': a registry address and a version are letters, digits and . / - + _ only");
        }

        return Encoding.UTF8.GetBytes($"{{\"remote\":{{\"url\":\"{registryAddress}\",\"version\":\"{version}\"}}}}");
    }

    /// <summary>What the program registers; every Spacelift resource then carries the reference the engine answers.</summary>
    public static PackageRegistration Registration { get; } = new(
        PluginName,
        PluginVersion,
        DownloadUrl: "",
        new PackageParameterization(Name, Version, Parameter(RegistryAddress, Version)));

    private static bool IsPlain(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '+' or '_');
}
