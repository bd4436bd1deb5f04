using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Http;
using Emulators.Port.Validation;
using Emulators.Unknowns;

namespace Emulators.Port.Webhooks;

/// <summary>
/// Strict validation of <c>/v1/webhooks</c> bodies as the spec declares them (<c>additionalProperties:false</c>
/// at the top, in <c>security</c>, in each mapping and its <c>entity</c>; the operation's four forms; the
/// identifier as a jq string or a search query), plus a parse of every jq expression so a mapping the
/// emulator could not apply is refused when it is written, not silently when an event arrives.
/// </summary>
internal static class WebhookValidator
{
    public const int IdentifierMax = 30;
    public const int TitleMax = 30;

    private static readonly string[] TopLevel = ["identifier", "title", "description", "icon", "mappings", "enabled", "security", "integrationType"];

    /// <summary>Fields the server owns; a client that echoes a read back on PUT/PATCH has them dropped.</summary>
    public static readonly string[] ServerFields = ["id", "url", "webhookKey", "orgId", .. JsonChecks.MetaFields];

    private static readonly string[] SecurityFields = ["secret", "signatureHeaderName", "signatureAlgorithm", "signaturePrefix", "requestIdentifierPath"];
    private static readonly string[] MappingFields = ["blueprint", "entity", "filter", "itemsToParse", "operation"];
    private static readonly string[] EntityFields = ["identifier", "title", "icon", "team", "properties", "relations"];

    /// <param name="partial">PATCH: nothing is required.</param>
    /// <param name="operationString">Whether a mapping's <c>operation</c> may be the bare string (an unknown: docs/unknowns.md).</param>
    /// <returns>A copy with server fields dropped.</returns>
    public static JsonObject Validate(JsonObject body, bool partial, MappingOperationString operationString)
    {
        var webhook = (JsonObject)body.DeepClone();
        foreach (var field in ServerFields)
        {
            webhook.Remove(field);
        }

        JsonChecks.AllowOnly(webhook, "body", TopLevel);
        if (!partial)
        {
            JsonChecks.Require(webhook, "body", "title", "enabled");
        }

        if (JsonChecks.OptionalString(webhook, "identifier", "body") is { } identifier)
        {
            Identifiers.Check("Webhook identifier", identifier, Identifiers.Action(), IdentifierMax);
        }

        JsonChecks.MaxLength(webhook, "title", "body", TitleMax);
        JsonChecks.MaxLength(webhook, "description", "body", Identifiers.DescriptionMax);
        JsonChecks.OptionalString(webhook, "icon", "body");
        JsonChecks.Boolean(webhook, "enabled", "body");
        JsonChecks.OneOf(webhook, "integrationType", "body", "custom", "template");
        if (webhook.TryGetPropertyValue("security", out var security) && security is not null)
        {
            ValidateSecurity(JsonChecks.Object(security, "body/security"));
        }

        if (JsonChecks.OptionalArray(webhook, "mappings", "body") is { } mappings)
        {
            for (var i = 0; i < mappings.Count; i++)
            {
                ValidateMapping(mappings[i], $"body/mappings/{i}", operationString);
            }
        }

        return webhook;
    }

    private static void ValidateSecurity(JsonObject security)
    {
        const string path = "body/security";
        JsonChecks.AllowOnly(security, path, SecurityFields);
        foreach (var field in SecurityFields)
        {
            JsonChecks.OptionalString(security, field, path);
        }

        JsonChecks.OneOf(security, "signatureAlgorithm", path, "sha1", "sha256", "plain");
        if (JsonChecks.OptionalString(security, "requestIdentifierPath", path) is { } requestPath)
        {
            ParseJq(requestPath, $"{path}/requestIdentifierPath");
        }
    }

    private static void ValidateMapping(JsonNode? node, string path, MappingOperationString operationString)
    {
        var mapping = JsonChecks.Object(node, path);
        JsonChecks.AllowOnly(mapping, path, MappingFields);
        JsonChecks.Require(mapping, path, "blueprint", "entity");
        JsonChecks.String(mapping, "blueprint", path);
        var operation = MappingOperation.Read(mapping["operation"], $"{path}/operation", operationString);
        if (operation.IsDelete)
        {
            throw PortApiError.Invalid($"{path}/operation 'delete' is not supported by the emulator (only create, which upserts)");
        }
        if (JsonChecks.OptionalString(mapping, "filter", path) is { } filter)
        {
            ParseJq(filter, $"{path}/filter");
        }

        if (mapping.ContainsKey("itemsToParse"))
        {
            JsonChecks.OptionalString(mapping, "itemsToParse", path);
            throw PortApiError.Invalid($"{path}/itemsToParse is not supported by the emulator (one entity per mapping and event)");
        }

        var entity = JsonChecks.Object(mapping["entity"], $"{path}/entity");
        var entityPath = $"{path}/entity";
        JsonChecks.AllowOnly(entity, entityPath, operation.IsDelete ? ["identifier"] : EntityFields);
        JsonChecks.Require(entity, entityPath, "identifier");
        ValidateIdentifier(entity["identifier"], $"{entityPath}/identifier");
        foreach (var field in new[] { "title", "icon" })
        {
            if (JsonChecks.OptionalString(entity, field, entityPath) is { } expression)
            {
                ParseJq(expression, $"{entityPath}/{field}");
            }
        }

        if (entity["team"] is JsonObject)
        {
            throw PortApiError.Invalid($"{entityPath}/team: search-query teams are not supported by the emulator");
        }

        if (JsonChecks.OptionalString(entity, "team", entityPath) is { } team)
        {
            ParseJq(team, $"{entityPath}/team");
        }

        foreach (var field in new[] { "properties", "relations" })
        {
            if (!entity.TryGetPropertyValue(field, out var map) || map is null)
            {
                continue;
            }

            foreach (var (key, value) in JsonChecks.Object(map, $"{entityPath}/{field}"))
            {
                if (value?.GetValueKind() != JsonValueKind.String)
                {
                    throw PortApiError.Invalid($"{entityPath}/{field}/{key} must be a jq string (the emulator maps no nested templates)");
                }

                ParseJq(value.GetValue<string>(), $"{entityPath}/{field}/{key}");
            }
        }
    }

    private static void ValidateIdentifier(JsonNode? identifier, string path)
    {
        switch (identifier)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                ParseJq(value.GetValue<string>(), path);
                return;
            case JsonObject query:
                SearchIdentifier.Parse(query, path);
                return;
            default:
                throw PortApiError.Invalid($"{path} must be a jq string or a search query {{combinator, rules}}");
        }
    }

    public static JqExpression ParseJq(string expression, string path)
    {
        try
        {
            return JqExpression.Parse(expression, JqSyntax.PortMapping);
        }
        catch (JqException e)
        {
            throw PortApiError.Invalid($"{path}: jq expression '{expression}' cannot be evaluated by the emulator: {e.Message}");
        }
    }
}
