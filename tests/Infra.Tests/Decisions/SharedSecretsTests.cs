using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>When a group's shared secret is kept: the one rule both executors call.</summary>
public sealed class SharedSecretsTests
{
    private static readonly Secret Key = new("port-client-secret");
    private static readonly Secret Value = new("shared");
    private static readonly ResourceAddress Port = new(ResourceKind.Webhook, "w");
    private static readonly ResourceAddress Named = new(ResourceKind.SpaceliftWebhook, "n");

    private static string Fp(Secret value) => SharedSecrets.Fingerprint(Key, "loop", value);

    private static JsonObject Security(string header = "x-signature-256") => new() { ["signatureHeaderName"] = header, ["signatureAlgorithm"] = "sha256" };

    private static JsonObject PortDeclared => new() { ["description"] = "d", ["security"] = Security() };

    /// <summary>The Port end as read: <paramref name="readBack"/> is what Port answers in <c>security.secret</c> (null: left out).</summary>
    private static JsonObject PortEnd(string? readBack, string fingerprint, string header = "x-signature-256")
    {
        var body = SharedSecrets.WithFingerprint(ResourceKind.Webhook, new JsonObject { ["description"] = "d", ["security"] = Security(header) }, fingerprint);
        return readBack is null ? body : ResourceKind.Webhook.SharedSecret!.With(body, new Secret(readBack));
    }

    private static JsonObject NamedDeclared => new() { ["labels"] = new JsonArray() };

    private static JsonObject NamedEnd(string fingerprint) => SharedSecrets.WithFingerprint(ResourceKind.SpaceliftWebhook, NamedDeclared, fingerprint);

    private static SharedSecretDecision Decide(JsonObject? port, JsonObject? named, string? expected = null)
        => SharedSecrets.Decide("loop", [(Port, PortDeclared, port), (Named, NamedDeclared, named)], expected);

    [Theory]
    [InlineData("shared")]
    [InlineData(null)]
    [InlineData("********")]
    [InlineData("typed-in-the-ui")]
    public void EveryEndRecordingTheSameFingerprintKeepsItWhateverPortGivesBack(string? readBack)
    {
        var decision = Decide(PortEnd(readBack, Fp(Value)), NamedEnd(Fp(Value)));

        Assert.False(decision.Generate);
        Assert.Equal(Fp(Value), decision.KeptFingerprint);
    }

    [Fact]
    public void AMissingEndGeneratesANewOne()
        => Assert.StartsWith($"{Named} does not exist", Decide(PortEnd(null, Fp(Value)), null).Reason);

    [Fact]
    public void AnEndWithoutAFingerprintGeneratesANewOne()
        => Assert.StartsWith($"{Named} records no fingerprint", Decide(PortEnd(null, Fp(Value)), NamedDeclared).Reason);

    [Fact]
    public void FingerprintsThatDifferGenerateANewOne()
        => Assert.True(Decide(PortEnd(null, Fp(Value)), NamedEnd(Fp(new Secret("other")))).Generate);

    [Fact]
    public void AChangeBesideTheSecretInItsObjectGeneratesANewOneSinceItCannotBeSentWithout()
    {
        var decision = Decide(PortEnd(null, Fp(Value), header: "x-hub-signature-256"), NamedEnd(Fp(Value)));

        Assert.True(decision.Generate);
        Assert.Contains("security changes", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MembersNullOnOneSideAndAbsentOnTheOtherAreNoChange()
    {
        var port = PortEnd("********", Fp(Value));
        port["security"]!["requestIdentifierPath"] = null;

        Assert.False(Decide(port, NamedEnd(Fp(Value))).Generate);
    }

    [Fact]
    public void AnExecutorThatKnowsItsValueKeepsOnlyThatOne()
    {
        Assert.False(Decide(PortEnd(null, Fp(Value)), NamedEnd(Fp(Value)), expected: Fp(Value)).Generate);
        Assert.Contains("another shared secret", Decide(PortEnd(null, Fp(Value)), NamedEnd(Fp(Value)), expected: Fp(new Secret("derived"))).Reason, StringComparison.Ordinal);
    }
}
