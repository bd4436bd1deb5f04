using System.Text.Json.Nodes;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// The declared named-webhook body (Spacelift's <c>NamedWebhooksIntegrationInput</c> shape) → inputs of
/// <c>spacelift_named_webhook</c> through Pulumi's bridge (spacelift-io/terraform-provider-spacelift v1.53.5,
/// <c>spacelift/resource_named_webhook.go</c>): <c>space</c> becomes <c>spaceId</c>, the other members keep their
/// names (the bridge's camelCase of the attributes). The signing secret is not in the body: it goes as the
/// write-only <c>secretWo</c>, a Pulumi secret, with <c>secretWoVersion</c>, because the deprecated <c>secret</c>
/// attribute ignores every change once the webhook exists (<c>DiffSuppressFunc: ignoreOnceCreated</c>), which would
/// leave Spacelift signing with a secret Port no longer checks after a rotation.
/// </summary>
public static class NamedWebhookInputs
{
    public const string Type = "spacelift:index/namedWebhook:NamedWebhook";

    private static readonly string[] Known = ["name", "endpoint", "space", "enabled", "retryOnFailure", "labels"];

    /// <param name="body">The declared body (<c>LiveStateWebhooks.NamedWebhook</c>).</param>
    /// <param name="secret">The signing secret and its version.</param>
    /// <param name="preview">
    /// A preview: the endpoint (while the Port webhook does not exist, <see cref="OutputReference.Unknown"/>)
    /// and a secret still to be minted travel as unknowns. Outside a preview the engine refuses unknowns, so they are refused here.
    /// </param>
    /// <exception cref="NotSupportedException">The body or the secret holds something the provider has no input for.</exception>
    public static BridgedInputs Render(JsonObject body, WebhookSecret secret, bool preview)
    {
        var where = $"named webhook '{BodyShapes.Text(body, "name", "named webhook")}'";
        if (body.ContainsKey("secret"))
        {
            throw new NotSupportedException($"{where}: the secret must come as a Pulumi secret (secretWo), not in the body");
        }

        BodyShapes.RequireKnown(body, where, Known);
        var inputs = new JsonObject
        {
            ["name"] = BodyShapes.RequiredText(body, "name", where),
            ["spaceId"] = BodyShapes.RequiredText(body, "space", where),
            ["enabled"] = BodyShapes.Flag(body, "enabled", where) ?? throw new NotSupportedException($"{where}: 'enabled' is missing, and the provider requires it"),
        };
        var special = new Dictionary<string, SpecialInput>(StringComparer.Ordinal);

        var endpoint = BodyShapes.RequiredText(body, "endpoint", where);
        if (endpoint == OutputReference.Unknown)
        {
            special["endpoint"] = preview
                ? SpecialInput.Unknown
                : throw new NotSupportedException($"{where}: the endpoint (the Port webhook's url) is not known, and only a preview may send it unknown");
        }
        else
        {
            inputs["endpoint"] = endpoint;
        }

        if (BodyShapes.Flag(body, "retryOnFailure", where) is { } retry)
        {
            inputs["retryOnFailure"] = retry;
        }

        if (BodyShapes.Texts(body, "labels", where) is { } labels)
        {
            inputs["labels"] = labels;
        }

        if (!secret.Value.IsSecret)
        {
            throw new NotSupportedException($"{where}: the signing secret must be sent as a Pulumi secret");
        }

        if (!preview && (secret.Value.IsUnknown || secret.Version is null))
        {
            throw new NotSupportedException($"{where}: the signing secret is not known, and only a preview may send it unknown");
        }

        special["secretWo"] = secret.Value;
        if (secret.Version is { } version)
        {
            inputs["secretWoVersion"] = version;
        }
        else
        {
            special["secretWoVersion"] = SpecialInput.Unknown;
        }

        return new BridgedInputs(Type, inputs, special);
    }
}
