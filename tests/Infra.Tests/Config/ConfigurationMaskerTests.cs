using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Tests.Support;

namespace Infra.Tests.Config;

/// <summary>The masker every executor takes from its configuration: the credentials hidden, the identifiers shown.</summary>
public sealed class ConfigurationMaskerTests
{
    private static StackConfiguration Configuration(string clientId, string clientSecret, string keyId, string keySecret) => new(
        "infra",
        "dev",
        "Pulumi.dev.yaml",
        new PortSettings(new Uri("https://api.getport.io/"), clientId, new Secret(clientSecret)),
        new SpaceliftSettings(new Uri("https://acme.app.spacelift.io/"), keyId, new Secret(keySecret)),
        new ProjectSettings(0.9, 4, "/tmp", false, null))
    {
        Values = new TestStackConfig(),
    };

    [Fact]
    public void BothCredentialsAreMasked()
    {
        var masker = Configuration("client-1", "port-secret-value-1234", "01KEYID", "spacelift-secret-value-5678").NewMasker();

        Assert.Equal("a [secret] b [secret]", masker.MaskText("a port-secret-value-1234 b spacelift-secret-value-5678"));
    }

    [Fact]
    public void AnIdentifierEqualToASecretIsShown()
    {
        // Issue 28, finding 9: a client id equal to the secret was shown as [secret].
        var masker = Configuration("same-value-for-both", "same-value-for-both", "01KEYID", "spacelift-secret-value-5678").NewMasker();

        Assert.Equal("client same-value-for-both, key 01KEYID", masker.MaskText("client same-value-for-both, key 01KEYID"));
    }
}
