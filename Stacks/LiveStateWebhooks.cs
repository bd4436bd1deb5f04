using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// Live updates, declared (<c>infra:liveUpdates</c>): a Port webhook data source that sets an existing
/// stack entity's <c>state</c> from a Spacelift run event, a Spacelift named webhook that posts those
/// events to it, and the notification policy that routes tracked runs' state changes there. Pure data,
/// like the rest of the declarations. The three are one group: half a loop is worse than none, so an
/// executor writes all of them or none. The signing secret is not here: the executor generates it for the
/// group and keeps both ends in step by fingerprint, so it never enters a declared body.
/// </summary>
public static class LiveStateWebhooks
{
    /// <summary>The header and prefix Spacelift signs with (HMAC-SHA256 of the raw body, GitHub's scheme).</summary>
    public const string SignatureHeader = "x-signature-256";

    /// <summary>The group the three resources form.</summary>
    public const string Group = "live-updates";

    public static IReadOnlyList<DesiredResource> Declare(IntegrationInputs inputs, LiveUpdates live)
    {
        var names = inputs.LiveNames;
        var port = new ResourceAddress(ResourceKind.Webhook, names.PortWebhook);
        var named = new ResourceAddress(ResourceKind.SpaceliftWebhook, names.NamedWebhook);
        return
        [
            // Its mapping writes the blueprint's entities.
            new(port, PortWebhook(inputs)) { DependsOn = [new ResourceAddress(ResourceKind.Blueprint, inputs.Blueprint), .. CatalogueWebhookMappings.Writes(inputs)], Group = Group },
            // It posts to the url Port makes up for the Port webhook.
            new(named, NamedWebhook(inputs, live)) { References = [new OutputReference("endpoint", port, "url")], Group = Group },
            // Its rule names the named webhook by the id Spacelift gave it.
            new(new ResourceAddress(ResourceKind.SpaceliftPolicy, names.Policy), Policy(inputs, live))
            {
                References = [new OutputReference("body", named, "id") { Template = Rule(OutputReference.Slot) }],
                Group = Group,
            },
        ];
    }

    /// <summary>
    /// The Port end. Only tracked runs set a stack's state (Spacelift: a stack's state is its latest
    /// tracked run's), so the filter keeps those; the identifier is a search, which updates an entity
    /// that exists and never creates one for a stack Port does not know; the mapping sets
    /// <c>state</c> alone, so nothing else of the entity is blanked.
    /// </summary>
    public static JsonObject PortWebhook(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.LiveNames.PortWebhook,
        ["title"] = inputs.LiveNames.PortWebhookTitle,
        ["icon"] = "Spacelift",
        ["description"] = inputs.Marked("Spacelift run events \u2192 stack state"),
        ["enabled"] = true,
        ["integrationType"] = "custom",
        ["mappings"] = Mappings(inputs, StackUpdate(
            inputs,
            ".body.run.type == \"TRACKED\" and .body.stack.id != null and .body.state != null",
            new JsonObject { ["state"] = ".body.state" })),
        ["security"] = new JsonObject
        {
            ["signatureHeaderName"] = SignatureHeader,
            ["signatureAlgorithm"] = "sha256",
            ["signaturePrefix"] = "sha256=",
        },
    };

    /// <summary>The stack-state mapping, then what the catalogue adds (<see cref="CatalogueWebhookMappings"/>).</summary>
    /// <summary>
    /// A mapping that sets <paramref name="properties"/> on the stack entity an event names. The entity is found by a
    /// search on its identifier, so an event for a stack Port does not hold creates nothing. The operation is sent in
    /// the object form: Port's OpenAPI types every form of operation as an object, and its Terraform provider sends
    /// this one (port/webhook/webhookResourceToPortBody.go); whether Port also takes the bare string its webhook page
    /// shows is an unknown (docs/unknowns.md).
    /// </summary>
    internal static JsonObject StackUpdate(IntegrationInputs inputs, string filter, JsonObject properties) => new()
    {
        ["blueprint"] = inputs.Blueprint,
        ["operation"] = new JsonObject { ["type"] = "create" },
        ["filter"] = filter,
        ["entity"] = new JsonObject
        {
            ["identifier"] = new JsonObject
            {
                ["combinator"] = "\"and\"",
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["property"] = "\"$identifier\"",
                    ["operator"] = "\"=\"",
                    ["value"] = ".body.stack.id",
                }),
            },
            ["properties"] = properties,
        },
    };

    private static JsonArray Mappings(IntegrationInputs inputs, JsonObject state)
        => new([state, .. CatalogueWebhookMappings.For(inputs)]);

    /// <summary>
    /// The Spacelift end: posts every event the policy routes to it to the Port webhook's url (its
    /// <c>endpoint</c>, a reference known once that exists), retrying 5xx answers. The owner mark is a
    /// label: named webhooks have no description.
    /// </summary>
    public static JsonObject NamedWebhook(IntegrationInputs inputs, LiveUpdates live) => new()
    {
        ["name"] = inputs.LiveNames.NamedWebhook,
        ["space"] = live.Space,
        ["enabled"] = true,
        ["retryOnFailure"] = true,
        ["labels"] = inputs.Owner is { } owner ? new JsonArray(OwnerLabel.Format(owner)) : new JsonArray(),
    };

    /// <summary>
    /// The notification policy: space-level (attached to no stack), sending Spacelift's default payload
    /// (which carries <c>stateVersion</c> and <c>timestamp</c>) of tracked runs to the named webhook. Its rule
    /// names the webhook by the id Spacelift returned for it (a reference), not by its name: Spacelift says only
    /// that the id is generated from the name (docs/unknowns.md), and its own flows app uses the id create returns.
    /// </summary>
    public static JsonObject Policy(IntegrationInputs inputs, LiveUpdates live) => new()
    {
        ["name"] = inputs.LiveNames.Policy,
        ["type"] = "NOTIFICATION",
        ["engineType"] = "REGO_V1",
        ["space"] = live.Space,
        ["labels"] = new JsonArray(),
        ["description"] = inputs.Marked("Routes tracked-run state changes to Port"),
        ["body"] = Rule(OutputReference.Slot),
    };

    /// <summary>The rule (Spacelift's documented <c>webhook</c> rule, Rego v1) that routes tracked runs to the named webhook whose id is <paramref name="endpointId"/>.</summary>
    public static string Rule(string endpointId) =>
        "package spacelift\n" +
        "\n" +
        "webhook contains {\"endpoint_id\": endpoint.id} if {\n" +
        "  some endpoint in input.webhook_endpoints\n" +
        $"  endpoint.id == \"{endpointId}\"\n" +
        "  input.run_updated.run.type == \"TRACKED\"\n" +
        "}\n";
}
