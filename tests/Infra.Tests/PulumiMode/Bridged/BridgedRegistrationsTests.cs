using System.Text.Json.Nodes;
using FakePulumiEngine;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiProtocol;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>
/// The Spacelift end of live updates registered the way Pulumi mode is to register it (the package once, then the
/// explicit provider, the named webhook and the policy, each with the package's reference), against the fake engine
/// with the recorded Terraform schema standing in for the provider's Check. What the engine receives is pinned in
/// PulumiMode/Golden/Bridged/registrations.*.json, package reference and provider id replaced by placeholders.
/// </summary>
public sealed class BridgedRegistrationsTests
{
    private const string StackUrn = "urn:pulumi:dev::infra::pulumi:pulumi:Stack::infra-dev";
    private const string PortWebhookUrn = "urn:pulumi:dev::infra::port:index/webhook:Webhook::spacelift_stack_state";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheRegistrationsMatchTheirGoldenFile(bool preview)
    {
        var (calls, reference) = await RegisterAsync(preview);

        var recorded = new JsonArray([.. calls.Where(c => c.Method is "SupportsFeature" or "RegisterPackage" or "RegisterResource").Select(c => (JsonNode)new JsonObject
        {
            ["method"] = c.Method,
            ["request"] = JsonNode.Parse(c.Request.ToJsonString().Replace(reference, "<packageRef>", StringComparison.Ordinal)),
        })]);

        GoldenFiles.Verify($"PulumiMode/Golden/Bridged/registrations.{(preview ? "first-preview" : "up")}.json", recorded.ToJsonString(GoldenDeclaration.Indented) + "\n", "FullyQualifiedName~BridgedRegistrationsTests");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ThePackageIsRegisteredOnceAndEverySpaceliftRegistrationCarriesItsReference(bool preview)
    {
        var (calls, reference) = await RegisterAsync(preview);

        Assert.Single(calls, c => c.Method == "RegisterPackage");
        var registrations = calls.Where(c => c.Method == "RegisterResource").ToList();
        Assert.Equal([SpaceliftPackage.ProviderType, NamedWebhookInputs.Type, PolicyInputs.Type], registrations.Select(c => c.Request["type"]!.GetValue<string>()));
        Assert.All(registrations, c => Assert.Equal(reference, c.Request["packageRef"]!.GetValue<string>()));
        Assert.DoesNotContain(calls, c => c.Method is "CheckFailure" or "UnknownProvider");
    }

    [Fact]
    public async Task TheWebhookWaitsForThePortWebhookAndThePolicyForTheWebhook()
    {
        var (calls, _) = await RegisterAsync(preview: false);

        var webhook = calls.Single(c => c.Method == "RegisterResource" && c.Request["type"]!.GetValue<string>() == NamedWebhookInputs.Type).Request;
        var policy = calls.Single(c => c.Method == "RegisterResource" && c.Request["type"]!.GetValue<string>() == PolicyInputs.Type).Request;
        Assert.Equal([PortWebhookUrn], webhook["dependencies"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(["urn:pulumi:dev::infra::" + NamedWebhookInputs.Type + "::port-stack-state"], policy["dependencies"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task AnInputTheProvidersCheckRefusesFailsTheRegistration()
    {
        // The stand-in Check is live: a policy without a type is refused, as the provider refuses a missing required attribute.
        await using var engine = await FakeEngine.StartAsync(Options(preview: false));
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var reference = await new PackageReferences(client).ResolveAsync(SpaceliftPackage.Registration, CancellationToken.None);
        var policy = PolicyInputs.Render(BridgedWire.PolicyBody());
        policy.Inputs.Remove("type");

        await Assert.ThrowsAsync<EngineCallException>(() => client.RegisterResourceAsync(SpaceliftRegistrations.Resource("p", policy, StackUrn, reference, "", []), CancellationToken.None));

        Assert.Contains(engine.Calls, c => c.Method == "CheckFailure" && c.Request["problems"]!.ToJsonString().Contains("type is required", StringComparison.Ordinal));
    }

    private static FakeEngineOptions Options(bool preview) => new()
    {
        DryRun = preview,
        Check = (type, inputs) => TerraformSchema.Spacelift.Validate(type, inputs),
    };

    private static async Task<(IReadOnlyList<RecordedCall> Calls, string Reference)> RegisterAsync(bool preview)
    {
        await using var engine = await FakeEngine.StartAsync(Options(preview));
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var references = new PackageReferences(client);
        if (!await references.SupportedAsync())
        {
            throw new InvalidOperationException(SpaceliftPackage.UnsupportedMessage);
        }

        var reference = await references.ResolveAsync(SpaceliftPackage.Registration, CancellationToken.None);
        var inputs = BridgedWire.Inputs;
        var providerInputs = SpaceliftProviderInputs.Render(inputs.SpaceliftEndpoint, inputs.ApiKeyId, inputs.ApiKeySecret);
        var provider = await client.RegisterResourceAsync(SpaceliftRegistrations.Provider(StackUrn, providerInputs, reference), CancellationToken.None);
        var providerReference = $"{provider.Urn}::{(provider.Id.Length == 0 ? PropertySignatures.Unknown : provider.Id)}";

        var webhookInputs = NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: !preview), preview ? BridgedWire.SecretToMint : BridgedWire.KnownSecret, preview);
        var webhook = await client.RegisterResourceAsync(
            SpaceliftRegistrations.Resource(inputs.LiveNames.NamedWebhook, webhookInputs, StackUrn, reference, providerReference, [PortWebhookUrn]), CancellationToken.None);
        await client.RegisterResourceAsync(
            SpaceliftRegistrations.Resource(inputs.LiveNames.Policy, PolicyInputs.Render(BridgedWire.PolicyBody()), StackUrn, reference, providerReference, [webhook.Urn]), CancellationToken.None);
        return (engine.Calls, reference);
    }
}
