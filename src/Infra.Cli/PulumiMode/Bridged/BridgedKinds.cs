using System.Text.Json.Nodes;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// The kinds Pulumi mode registers as resources of the bridged Spacelift package (<see cref="SpaceliftPackage"/>)
/// rather than of the Port provider, each with its renderer.
/// </summary>
public static class BridgedKinds
{
    /// <summary>Whether <paramref name="kind"/> is registered through the bridged package.</summary>
    public static bool Covers(ResourceKind kind) => kind == ResourceKind.SpaceliftWebhook || kind == ResourceKind.SpaceliftPolicy;

    /// <summary>
    /// The inputs of <paramref name="body"/> (its references resolved; <paramref name="unknownFields"/> those still
    /// unknown, which travel as unknowns). <paramref name="secret"/> is the named webhook's signing secret.
    /// </summary>
    /// <param name="unknownsAllowed">A preview, or a dependency the engine answered FAIL or SKIP: the engine takes (or skips) unknowns.</param>
    /// <exception cref="NotSupportedException">The body holds what the provider has no input for, or an unknown where none may be.</exception>
    public static BridgedInputs Render(ResourceKind kind, JsonObject body, WebhookSecret? secret, IReadOnlyCollection<string> unknownFields, bool unknownsAllowed)
    {
        if (unknownFields.Count > 0 && !unknownsAllowed)
        {
            throw new NotSupportedException($"{kind} '{body[kind.IdentifierField]}': {string.Join(", ", unknownFields)} not known, and only a preview may send it unknown");
        }

        var rendered = kind == ResourceKind.SpaceliftWebhook
            ? NamedWebhookInputs.Render(body, secret ?? throw new ArgumentNullException(nameof(secret)), unknownsAllowed)
            : kind == ResourceKind.SpaceliftPolicy
                ? PolicyInputs.Render(body)
                : throw new ArgumentException($"{kind} is not registered through the bridged Spacelift package", nameof(kind));
        if (unknownFields.Count == 0)
        {
            return rendered;
        }

        // Both kinds' inputs keep the body's member names for the fields a reference fills (endpoint, body).
        var inputs = rendered.Inputs.DeepClone().AsObject();
        var special = new Dictionary<string, SpecialInput>(rendered.Special, StringComparer.Ordinal);
        foreach (var field in unknownFields)
        {
            inputs.Remove(field);
            special[field] = SpecialInput.Unknown;
        }

        return rendered with { Inputs = inputs, Special = special };
    }
}
