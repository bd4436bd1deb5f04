using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// The Port Pulumi provider this program's resources are registered for. The engine installs the
/// plugin on demand from <see cref="PluginDownloadUrl"/> at <see cref="Version"/>; the values are the
/// ones a generated Port SDK puts on every resource (port-labs/pulumi-port v2.21.10).
/// </summary>
/// <remarks>
/// The program registers one explicit provider, <see cref="LogicalName"/>, with the organisation, URL and
/// credentials it resolved itself (a non-empty PORT_* variable over the stack's value), and every Port
/// resource references it. The provider's own rule is the opposite (the stack's <c>port:*</c> keys win,
/// even when set to <c>""</c>, and PORT_* is read only when the key is absent:
/// port-labs/terraform-provider-port-labs <c>provider/provider.go</c> <c>Configure</c>), so a default
/// provider could write to another organisation than the one the program read and ownership-checked.
/// </remarks>
public static class PortProvider
{
    /// <summary>The provider release, without the 'v' (the engine parses it as strict semver).</summary>
    public const string Version = "2.21.10";

    public const string PluginDownloadUrl = "github://api.github.com/port-labs/pulumi-port";

    /// <summary>The provider resource's type token (Pulumi's <c>pulumi:providers:&lt;package&gt;</c>).</summary>
    public const string ProviderType = "pulumi:providers:port";

    /// <summary>Its logical name: <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::pulumi:providers:port::port</c>, which <c>pulumi import --provider</c> names.</summary>
    public const string LogicalName = "port";

    /// <summary>The provider's inputs: <c>baseUrl</c> and <c>clientId</c> in clear, <c>secret</c> wrapped as a secret.</summary>
    public static ResourceRegistration Registration(string stackUrn, PortSettings port) => new(
        ProviderType,
        LogicalName,
        Custom: true,
        Parent: stackUrn,
        Inputs: new JsonObject
        {
            // The provider appends "/v1/..." to it.
            ["baseUrl"] = port.BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["clientId"] = port.ClientId,
        },
        Special: new Dictionary<string, SpecialInput> { ["secret"] = SpecialInput.SecretValue(port.ClientSecret) },
        Version: Version,
        PluginDownloadUrl: PluginDownloadUrl);

    /// <summary>A resource's provider reference, <c>&lt;urn&gt;::&lt;id&gt;</c>; a provider created in a preview has no id yet (the unknown sentinel).</summary>
    public static string Reference(RegisteredResource provider)
        => $"{provider.Urn}::{(provider.Id.Length == 0 ? PropertySignatures.Unknown : provider.Id)}";
}
