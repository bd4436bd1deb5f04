using System.Text.Json.Nodes;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// The explicit Spacelift provider's inputs (spacelift-io/terraform-provider-spacelift v1.53.5,
/// <c>spacelift/provider.go</c>: <c>api_key_endpoint</c>, <c>api_key_id</c>, <c>api_key_secret</c>, through the bridge
/// <c>apiKeyEndpoint</c>, <c>apiKeyId</c>, <c>apiKeySecret</c>). The program hands the provider the credentials it
/// resolved and read Spacelift with, as it does for Port, so the provider's own fallbacks (SPACELIFT_API_KEY_* in
/// the plugin's environment, <c>api_token</c>) never pick another account. The provider appends <c>/graphql</c>
/// to the endpoint itself, so it is Spacelift's base URL.
/// </summary>
public static class SpaceliftProviderInputs
{
    /// <summary>The provider's logical name: <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::pulumi:providers:spacelift::spacelift</c>.</summary>
    public const string LogicalName = "spacelift";

    /// <param name="endpoint">Spacelift's base URL (https://&lt;account&gt;.app.spacelift.io).</param>
    /// <param name="apiKeyId">Not sensitive to the provider, but a secret to this program, so it travels as one.</param>
    public static BridgedInputs Render(Uri endpoint, Secret apiKeyId, Secret apiKeySecret) => new(
        SpaceliftPackage.ProviderType,
        new JsonObject { ["apiKeyEndpoint"] = endpoint.AbsoluteUri.TrimEnd('/') },
        new Dictionary<string, SpecialInput>(StringComparer.Ordinal)
        {
            ["apiKeyId"] = SpecialInput.SecretValue(apiKeyId),
            ["apiKeySecret"] = SpecialInput.SecretValue(apiKeySecret),
        });
}
