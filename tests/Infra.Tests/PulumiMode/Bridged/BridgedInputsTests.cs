using System.Text.Json.Nodes;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>
/// The bridged inputs rendered from the bodies the program declares (Stacks/LiveStateWebhooks.cs): pinned in
/// PulumiMode/Golden/Bridged (UPDATE_GOLDEN=1 regenerates), valid for the recorded Terraform schema in an up and
/// in a first preview, and refused when they cannot be mapped.
/// </summary>
public sealed class BridgedInputsTests
{
    private const string Filter = "FullyQualifiedName~BridgedInputsTests";

    public static TheoryData<string> Cases => [.. Rendered().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderedInputsMatchTheirGoldenFile(string name)
        => GoldenFiles.Verify($"PulumiMode/Golden/Bridged/{name}.json", BridgedWire.Object(Rendered()[name]).ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderedInputsAreValidForTheTerraformSchema(string name)
    {
        var inputs = Rendered()[name];

        Assert.Empty(TerraformSchema.Spacelift.Validate(inputs.Type, BridgedWire.Object(inputs)));
    }

    [Fact]
    public void TheWebhookCarriesEveryDeclaredMemberAndTheSecretWrapped()
    {
        var body = BridgedWire.NamedWebhookBody(portWebhookExists: true);

        var wire = BridgedWire.Object(NamedWebhookInputs.Render(body, BridgedWire.KnownSecret, preview: false));

        Assert.Equal(BridgedWire.IngestUrl, wire["endpoint"]!.GetValue<string>());
        Assert.Equal(body["space"]!.GetValue<string>(), wire["spaceId"]!.GetValue<string>());
        Assert.Equal(body["labels"]!.ToJsonString(), wire["labels"]!.ToJsonString());
        Assert.True(wire["retryOnFailure"]!.GetValue<bool>());
        Assert.Equal(ProviderSchema.SecretSignature, wire["secretWo"]![ProviderSchema.SecretKey]!.GetValue<string>());
        Assert.Equal(BridgedWire.WebhookSecret.Reveal(), wire["secretWo"]!["value"]!.GetValue<string>());
        Assert.Equal(BridgedWire.Fingerprint, wire["secretWoVersion"]!.GetValue<string>());
        Assert.Null(wire["secret"]);
    }

    [Fact]
    public void AFirstPreviewSendsTheEndpointAndTheSecretUnknown()
    {
        var wire = BridgedWire.Object(NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: false), BridgedWire.SecretToMint, preview: true));

        Assert.Equal(ProviderSchema.Unknown, wire["endpoint"]!.GetValue<string>());
        Assert.Equal(ProviderSchema.Unknown, wire["secretWo"]!["value"]!.GetValue<string>());
        Assert.Equal(ProviderSchema.Unknown, wire["secretWoVersion"]!.GetValue<string>());
    }

    [Fact]
    public void AnEndpointNotKnownOutsideAPreviewIsRefused()
    {
        var error = Assert.Throws<NotSupportedException>(() => NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: false), BridgedWire.KnownSecret, preview: false));

        Assert.Contains("endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretNotKnownOutsideAPreviewIsRefused()
    {
        var error = Assert.Throws<NotSupportedException>(() => NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: true), BridgedWire.SecretToMint, preview: false));

        Assert.Contains("signing secret is not known", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretThatWouldTravelInClearIsRefused()
    {
        var inClear = new WebhookSecret(SpecialInput.Unknown, BridgedWire.Fingerprint);

        Assert.Throws<NotSupportedException>(() => NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: true), inClear, preview: true));
    }

    [Fact]
    public void ASecretInTheBodyIsRefusedRatherThanSentInClear()
    {
        var body = BridgedWire.NamedWebhookBody(portWebhookExists: true);
        body["secret"] = "s";

        var error = Assert.Throws<NotSupportedException>(() => NamedWebhookInputs.Render(body, BridgedWire.KnownSecret, preview: false));

        Assert.Contains("Pulumi secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"s\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("headers", "{}")]
    [InlineData("enabled", "\"yes\"")]
    [InlineData("labels", "[1]")]
    [InlineData("space", "null")]
    public void AWebhookMemberTheProviderCannotTakeIsRefused(string member, string json)
    {
        var body = BridgedWire.NamedWebhookBody(portWebhookExists: true);
        body[member] = JsonNode.Parse(json);

        var error = Assert.Throws<NotSupportedException>(() => NamedWebhookInputs.Render(body, BridgedWire.KnownSecret, preview: false));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attachedStacks", "[]")]
    [InlineData("body", "null")]
    [InlineData("type", "3")]
    public void APolicyMemberTheProviderCannotTakeIsRefused(string member, string json)
    {
        var body = BridgedWire.PolicyBody();
        body[member] = JsonNode.Parse(json);

        var error = Assert.Throws<NotSupportedException>(() => PolicyInputs.Render(body));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePolicyKeepsTheDeclaredRuleAndTheWebhooksId()
    {
        var body = BridgedWire.PolicyBody();

        var wire = BridgedWire.Object(PolicyInputs.Render(body));

        Assert.Equal(body["body"]!.GetValue<string>(), wire["body"]!.GetValue<string>());
        Assert.Contains($"endpoint.id == \"{BridgedWire.Inputs.LiveNames.NamedWebhook}\"", wire["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("NOTIFICATION", wire["type"]!.GetValue<string>());
        Assert.Equal("REGO_V1", wire["engineType"]!.GetValue<string>());
        Assert.Equal("root", wire["spaceId"]!.GetValue<string>());
    }

    [Fact]
    public void TheSchemaCheckFailsWhatTheProviderWouldRefuse()
    {
        // Proof the check can fail: the deprecated secret in clear next to secretWo, an empty name, a missing
        // spaceId, a type outside the list, a computed-only attribute, and a version without its secret.
        var webhook = new JsonObject
        {
            ["name"] = "",
            ["enabled"] = true,
            ["endpoint"] = "https://x",
            ["secret"] = "clear",
            ["secretWoVersion"] = "1",
            ["labels"] = new JsonArray("a", "a", ""),
        };
        var policy = new JsonObject { ["name"] = "p", ["body"] = "b", ["type"] = "notification", ["id"] = "p" };

        var webhookProblems = TerraformSchema.Spacelift.Validate(NamedWebhookInputs.Type, webhook);
        var policyProblems = TerraformSchema.Spacelift.Validate(PolicyInputs.Type, policy);

        Assert.Contains(webhookProblems, p => p.Contains("space_id is required", StringComparison.Ordinal));
        Assert.Contains(webhookProblems, p => p.Contains(".name: must not be an empty string", StringComparison.Ordinal));
        Assert.Contains(webhookProblems, p => p.Contains("secret is deprecated", StringComparison.Ordinal));
        Assert.Contains(webhookProblems, p => p.Contains("secret is sensitive but not sent as a secret", StringComparison.Ordinal));
        Assert.Contains(webhookProblems, p => p.Contains("secret conflicts with secretWoVersion", StringComparison.Ordinal));
        Assert.Contains(webhookProblems, p => p.Contains("secret_wo_version requires secretWo", StringComparison.Ordinal));
        Assert.Contains(webhookProblems, p => p.Contains("'a' twice in a set", StringComparison.Ordinal));
        Assert.Contains(policyProblems, p => p.Contains("'notification' is not one of", StringComparison.Ordinal));
        Assert.Contains(policyProblems, p => p.Contains(".id: no such attribute", StringComparison.Ordinal));
    }

    private static Dictionary<string, BridgedInputs> Rendered() => new(StringComparer.Ordinal)
    {
        ["named-webhook.up"] = NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: true), BridgedWire.KnownSecret, preview: false),
        ["named-webhook.first-preview"] = NamedWebhookInputs.Render(BridgedWire.NamedWebhookBody(portWebhookExists: false), BridgedWire.SecretToMint, preview: true),
        ["policy"] = PolicyInputs.Render(BridgedWire.PolicyBody()),
        ["provider"] = SpaceliftProviderInputs.Render(BridgedWire.Inputs.SpaceliftEndpoint, BridgedWire.Inputs.ApiKeyId, BridgedWire.Inputs.ApiKeySecret),
    };
}
