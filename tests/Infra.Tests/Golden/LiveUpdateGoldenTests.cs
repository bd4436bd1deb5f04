using System.Text.Json.Nodes;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Cli.Spacelift;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.Golden;

/// <summary>
/// Pins the live-update declarations (Golden/LiveUpdates/*.json): the Port webhook's REST body, the
/// named webhook's and the policy's GraphQL inputs, the GraphQL documents sent for them, and the Port
/// webhook's provider inputs (checked against the provider's schema). These are the contract with the
/// emulators' half (research: docs/port-api.md, docs/spacelift-api.md); change them deliberately with
/// UPDATE_GOLDEN=1.
/// </summary>
public sealed class LiveUpdateGoldenTests
{
    private const string Filter = "FullyQualifiedName~LiveUpdateGoldenTests";

    private static readonly IntegrationInputs Inputs = GoldenDeclaration.Inputs with { Live = new LiveUpdates("root") };

    public static TheoryData<string> Names => [.. Declared().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void DeclaredBodyMatchesItsGoldenFile(string name)
    {
        GoldenFiles.Verify($"Golden/LiveUpdates/{name}.json", Declared()[name].ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);
    }

    [Fact]
    public void SpaceliftDocumentsMatchTheirGoldenFile()
    {
        var documents = new JsonObject();
        foreach (var kind in ResourceKind.All.Where(k => k.Service == ResourceService.Spacelift))
        {
            var d = SpaceliftDocuments.For(kind);
            documents[kind.Name] = new JsonObject { ["read"] = d.Read, ["list"] = d.List, ["create"] = d.Create, ["update"] = d.Update, ["delete"] = d.Delete };
        }

        GoldenFiles.Verify("Golden/LiveUpdates/spacelift-documents.json", documents.ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);
    }

    [Fact]
    public void PortWebhookProviderInputsMatchTheirGoldenFileAndTheSchema()
    {
        var body = Declared()["spacelift_stack_state"];
        var inputs = ProviderInputs.For(ResourceKind.Webhook)!.Render(body, new ResourceAddress(ResourceKind.Webhook, Inputs.LiveNames.PortWebhook));

        GoldenFiles.Verify("PulumiMode/Golden/spacelift_stack_state.json", inputs.ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);
        Assert.Empty(ProviderSchema.Port.Validate(ResourceKind.Webhook.TypeToken, inputs));
        // The search identifier travels as a JSON string, as the provider takes it.
        Assert.Equal("{\"combinator\":\"\\\"and\\\"\",\"rules\":[{\"operator\":\"\\\"=\\\"\",\"property\":\"\\\"$identifier\\\"\",\"value\":\".body.stack.id\"}]}",
            inputs["mappings"]![0]!["entity"]!["identifier"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("integrationType", "template")]
    [InlineData("webhookKey", "k")]
    public void WhatTheProviderHasNoInputForIsRefusedRatherThanDropped(string field, string value)
    {
        var body = Declared()["spacelift_stack_state"];
        body[field] = value;

        var error = Assert.Throws<NotSupportedException>(() => new WebhookInputs().Render(body, new ResourceAddress(ResourceKind.Webhook, Inputs.LiveNames.PortWebhook)));

        Assert.Contains(field == "integrationType" ? "template" : field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePolicyRoutesTrackedRunsToTheIdSpaceliftGaveTheNamedWebhook()
    {
        var names = Inputs.LiveNames;
        var policy = Assert.Single(SpaceliftIntegration.Declare(Inputs, []).Resources, r => r.Address.Kind == ResourceKind.SpaceliftPolicy);

        var reference = Assert.Single(policy.References);
        Assert.Equal(("body", new ResourceAddress(ResourceKind.SpaceliftWebhook, names.NamedWebhook), "id"), (reference.Field, reference.Source, reference.SourceField));
        var rule = reference.Fill("port-stack-state-01HZX3K9V2");
        Assert.Equal(LiveStateWebhooks.Rule("port-stack-state-01HZX3K9V2"), rule);
        Assert.Contains("endpoint.id == \"port-stack-state-01HZX3K9V2\"", rule, StringComparison.Ordinal);
        Assert.Contains("input.run_updated.run.type == \"TRACKED\"", rule, StringComparison.Ordinal);
        Assert.Equal(reference.Template, policy.Body["body"]!.GetValue<string>());
    }

    [Fact]
    public void TheEndpointIsThePortWebhooksUrlAndWithASuffixNamesFitPortsLimits()
    {
        var inputs = GoldenDeclaration.Inputs with { Names = new ResourceNames("eu_west1"), Live = new LiveUpdates("root") };

        var resources = SpaceliftIntegration.Declare(inputs, []).All;

        var named = Assert.Single(resources, r => r.Address.Kind == ResourceKind.SpaceliftWebhook);
        var port = Assert.Single(resources, r => r.Address.Kind == ResourceKind.Webhook);
        Assert.Equal(new OutputReference("endpoint", port.Address, "url"), Assert.Single(named.References));
        Assert.False(named.Body.ContainsKey("endpoint"));
        Assert.Equal("port-stack-state-eu_west1", named.Address.Id);
        Assert.InRange(port.Body["identifier"]!.GetValue<string>().Length, 1, 30);
        Assert.InRange(port.Body["title"]!.GetValue<string>().Length, 1, 30);
    }

    [Fact]
    public void OffDeclaresNoneOfThem()
    {
        var resources = SpaceliftIntegration.Declare(GoldenDeclaration.Inputs, [GoldenDeclaration.Sample]).All;

        Assert.DoesNotContain(resources, r => r.Address.Kind == ResourceKind.Webhook || r.Address.Kind.Service == ResourceService.Spacelift);
    }

    private static Dictionary<string, JsonObject> Declared() =>
        LiveStateWebhooks.Declare(Inputs, Inputs.Live!).ToDictionary(r => r.Address.Id, r => r.Body);
}
