using System.Text;
using System.Text.Json.Nodes;
using Infra.Cli.PulumiMode.Bridged;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>The RegisterPackage request for Spacelift's Terraform provider, as a generated SDK sends it.</summary>
public sealed class SpaceliftPackageTests
{
    [Fact]
    public void TheParameterIsEncodedAsTheBridgeEncodesIt()
    {
        // The parameter the bridge embeds for hashicorp/random 3.3.0 (pulumi/pulumi-terraform-bridge
        // 59de6c661df1e7561e6ece7ad7f1c835c63010c4, dynamic/testdata/TestSchemaGeneration/hashicorp/random-3.3.0.golden).
        const string bridge = "eyJyZW1vdGUiOnsidXJsIjoicmVnaXN0cnkub3BlbnRvZnUub3JnL2hhc2hpY29ycC9yYW5kb20iLCJ2ZXJzaW9uIjoiMy4zLjAifX0=";

        Assert.Equal(bridge, Convert.ToBase64String(SpaceliftPackage.Parameter("registry.opentofu.org/hashicorp/random", "3.3.0")));
    }

    [Fact]
    public void SpaceliftsParameterNamesTheRegistryAddressAndThePinnedVersion()
    {
        var parameter = SpaceliftPackage.Registration.Parameterization!;

        Assert.Equal("{\"remote\":{\"url\":\"registry.opentofu.org/spacelift-io/spacelift\",\"version\":\"1.53.5\"}}", Encoding.UTF8.GetString([.. parameter.Value]));
        var parsed = JsonNode.Parse([.. parameter.Value])!.AsObject();
        Assert.Equal(["remote"], parsed.Select(m => m.Key));
        Assert.Equal(SpaceliftPackage.Version, parsed["remote"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void ThePluginIsTheBridgeAndThePackageIsSpacelift()
    {
        var registration = SpaceliftPackage.Registration;

        Assert.Equal("terraform-provider", registration.Name);
        Assert.Equal("1.1.3", registration.Version);
        Assert.Equal("", registration.DownloadUrl);
        // The engine checks the plugin's Parameterize answer (the Terraform provider's type) against this name.
        Assert.Equal("spacelift", registration.Parameterization!.Name);
        Assert.Equal("1.53.5", registration.Parameterization.Version);
        Assert.StartsWith(registration.Parameterization.Name + ":", NamedWebhookInputs.Type, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry.opentofu.org/a\"b", "1.0.0")]
    [InlineData("registry.opentofu.org/a/b", "1.0.0<")]
    [InlineData("", "1.0.0")]
    public void AnAddressOrVersionGoWouldEscapeIsRefused(string address, string version)
        => Assert.Throws<ArgumentException>(() => SpaceliftPackage.Parameter(address, version));

    [Fact]
    public void TheUnsupportedMessageIsOneLineNamingTheMinimumCli()
    {
        Assert.DoesNotContain('\n', SpaceliftPackage.UnsupportedMessage);
        Assert.Contains("Pulumi CLI 3.147.0 or newer", SpaceliftPackage.UnsupportedMessage, StringComparison.Ordinal);
    }
}
