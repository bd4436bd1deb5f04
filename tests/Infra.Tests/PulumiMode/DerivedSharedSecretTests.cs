using System.Text.Json.Nodes;
using Google.Protobuf;
using Infra.Cli.Decisions;
using Infra.Cli.PulumiMode;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// Pulumi mode's shared secret: the same on every run of one stack (so an idle up sends what the engine stored),
/// another for another stack, group or Port client secret, and sent nested in its object as a Pulumi secret.
/// </summary>
public sealed class DerivedSharedSecretTests
{
    private static readonly Secret Key = new("port-client-secret");
    private static readonly StackOwner Dev = new("infra", "dev");

    [Fact]
    public void TheSameStackAndGroupDeriveTheSameValue()
        => Assert.Equal(DerivedSharedSecret.Derive(Key, Dev, "live-updates").Reveal(), DerivedSharedSecret.Derive(new Secret("port-client-secret"), new StackOwner("infra", "dev"), "live-updates").Reveal());

    [Fact]
    public void AnotherStackGroupOrKeyDerivesAnotherValue()
    {
        var values = new[]
        {
            DerivedSharedSecret.Derive(Key, Dev, "live-updates"),
            DerivedSharedSecret.Derive(Key, new StackOwner("infra", "prod"), "live-updates"),
            DerivedSharedSecret.Derive(Key, Dev, "other"),
            DerivedSharedSecret.Derive(new Secret("rotated"), Dev, "live-updates"),
        }.Select(v => v.Reveal()).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Equal(43, v.Length));
        Assert.DoesNotContain(SharedSecrets.Fingerprint(Key, "live-updates", new Secret(values[0])), values);
    }

    [Fact]
    public void ASecretAtADottedPathIsSentWrappedInsideItsObject()
    {
        var inputs = new JsonObject { ["title"] = "t", ["security"] = new JsonObject { ["signatureHeaderName"] = "x-signature-256" } };

        var wire = JsonNode.Parse(JsonFormatter.Default.Format(PropertyValues.ToStruct(inputs, new Dictionary<string, SpecialInput> { ["security.secret"] = SpecialInput.SecretValue(new Secret("s3cret")) })))!;

        Assert.Equal("x-signature-256", wire["security"]!["signatureHeaderName"]!.GetValue<string>());
        Assert.Equal(ProviderSchema.SecretSignature, wire["security"]!["secret"]![ProviderSchema.SecretKey]!.GetValue<string>());
        Assert.Equal("s3cret", wire["security"]!["secret"]!["value"]!.GetValue<string>());
        Assert.Equal("t", wire["title"]!.GetValue<string>());
    }
}
