using System.Text.Json.Nodes;
using Google.Protobuf;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;
using Infra.Cli.Decisions;
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

    public static LiveUpdates Live { get; } = new("root");

    /// <summary>
    /// The named webhook's body with its endpoint resolved as both executors resolve references: the Port
    /// webhook's url once it exists (an up), unknown before (as a first preview sees it).
    /// </summary>
    public static JsonObject NamedWebhookBody(bool portWebhookExists)
    {
        var named = LiveStateWebhooks.Declare(Inputs, Live).Single(r => r.Address.Kind == ResourceKind.SpaceliftWebhook);
        return OutputReferences.Resolve(named, _ => portWebhookExists ? IngestUrl : null);
    }

    /// <summary>The declared policy with its rule resolved to the named webhook's id, here the slug of its name.</summary>
    public static JsonObject PolicyBody()
    {
        var body = LiveStateWebhooks.Policy(Inputs, Live);
        body["body"] = LiveStateWebhooks.Rule(Inputs.LiveNames.NamedWebhook);
        return body;
    }

    public static WebhookSecret KnownSecret => new(SpecialInput.SecretValue(WebhookSecret), Fingerprint);

    public static WebhookSecret SecretToMint => new(SpecialInput.UnknownSecret, null);

    /// <summary>The registration's <c>object</c> as protobuf JSON, as the engine (and the provider's Check) sees it.</summary>
    public static JsonObject Object(BridgedInputs inputs)
        => JsonNode.Parse(JsonFormatter.Default.Format(PropertyValues.ToStruct(inputs.Inputs, inputs.Special)))!.AsObject();
}
