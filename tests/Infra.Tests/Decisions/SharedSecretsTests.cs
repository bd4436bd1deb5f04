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

    private static JsonObject PortEnd(Secret? readBack, string fingerprint)
    {
        var body = SharedSecrets.WithFingerprint(ResourceKind.Webhook, new JsonObject { ["description"] = "d", ["security"] = new JsonObject() }, fingerprint);
        return readBack is null ? body : ResourceKind.Webhook.SharedSecret!.With(body, readBack);
    }

    private static JsonObject NamedEnd(string fingerprint) => SharedSecrets.WithFingerprint(ResourceKind.SpaceliftWebhook, new JsonObject { ["labels"] = new JsonArray() }, fingerprint);

    [Fact]
    public void EveryEndRecordingTheSameFingerprintKeepsIt()
    {
        var decision = SharedSecrets.Decide("loop", [(Port, PortEnd(Value, Fp(Value))), (Named, NamedEnd(Fp(Value)))], Key);

        Assert.False(decision.Generate);
        Assert.Equal(Fp(Value), decision.KeptFingerprint);
    }

    [Fact]
    public void AMissingEndGeneratesANewOne()
        => Assert.StartsWith($"{Named} does not exist", SharedSecrets.Decide("loop", [(Port, PortEnd(Value, Fp(Value))), (Named, null)], Key).Reason);

    [Fact]
    public void FingerprintsThatDifferGenerateANewOne()
        => Assert.True(SharedSecrets.Decide("loop", [(Port, PortEnd(Value, Fp(Value))), (Named, NamedEnd(Fp(new Secret("other"))))], Key).Generate);

    [Fact]
    public void AValueReadBackThatDoesNotMatchItsFingerprintGeneratesANewOne()
        => Assert.Contains("does not match its fingerprint", SharedSecrets.Decide("loop", [(Port, PortEnd(new Secret("typed-in-the-ui"), Fp(Value))), (Named, NamedEnd(Fp(Value)))], Key).Reason);
}
