using System.Text.Json.Nodes;
using Google.Protobuf;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;
using Infra.Sdk.Declarations;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>The live-update bodies the program declares, and the <c>object</c> the engine receives for rendered inputs.</summary>
internal static class BridgedWire
{
    public const string IngestUrl = "https://ingest.us.port.io/a1b2c3d4";

    public const string Fingerprint = "c2VjcmV0LWZpbmdlcnByaW50";

    public static Secret WebhookSecret { get; } = new("test-webhook-secret");

    public static IntegrationInputs Inputs { get; } = GoldenDeclaration.Inputs;

    /// <summary>Live updates once the Port webhook exists (an up), or before (its url unknown, as a first preview sees it).</summary>
    public static LiveUpdates Live(bool portWebhookExists) => new("root", portWebhookExists ? IngestUrl : null);

    public static JsonObject NamedWebhookBody(bool portWebhookExists) => LiveStateWebhooks.NamedWebhook(Inputs, Live(portWebhookExists));

    public static JsonObject PolicyBody() => LiveStateWebhooks.Policy(Inputs, Live(portWebhookExists: true));

    public static WebhookSecret KnownSecret => new(SpecialInput.SecretValue(WebhookSecret), Fingerprint);

    public static WebhookSecret SecretToMint => new(SpecialInput.UnknownSecret, null);

    /// <summary>The registration's <c>object</c> as protobuf JSON, as the engine (and the provider's Check) sees it.</summary>
    public static JsonObject Object(BridgedInputs inputs)
        => JsonNode.Parse(JsonFormatter.Default.Format(PropertyValues.ToStruct(inputs.Inputs, inputs.Special)))!.AsObject();
}
