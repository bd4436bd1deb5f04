using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// Port's webhook data-source body → inputs of <c>port:index/webhook:Webhook</c>. The shapes are REST's,
/// except that a search-query entity identifier (<c>{combinator, rules}</c>) is a JSON string, as the
/// provider takes it (jsonencode), and an operation given as a bare string becomes <c>{type}</c>.
/// <c>integrationType</c> has no input: only <c>custom</c>, what the provider creates, is accepted.
/// <c>security.secret</c> is passed through; the executor must send it as a secret value.
/// </summary>
public sealed class WebhookInputs : IProviderInputsRenderer
{
    private static readonly string[] Known = ["identifier", "title", "icon", "description", "enabled", "mappings", "security", "integrationType"];

    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var where = $"webhook '{InputShapes.Text(body["identifier"])}'";
        if (body.Select(p => p.Key).FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new NotSupportedException($"{where}: '{unknown}' has no provider input");
        }

        if (InputShapes.Text(body["integrationType"]) is { } type && type != "custom")
        {
            throw new NotSupportedException($"{where}: integrationType '{type}' has no provider input (only custom webhooks are created)");
        }

        var inputs = new JsonObject();
        InputShapes.Copy(body, inputs, "identifier", "title", "icon", "description", "enabled");
        if (body["mappings"] is JsonArray mappings)
        {
            inputs["mappings"] = new JsonArray([.. mappings.Select(m => (JsonNode)Mapping(m as JsonObject ?? throw new NotSupportedException($"{where}: a mapping is not an object"), where))]);
        }

        if (body["security"] is JsonObject security)
        {
            var rendered = new JsonObject();
            InputShapes.Copy(security, rendered, "secret", "signatureHeaderName", "signatureAlgorithm", "signaturePrefix", "requestIdentifierPath");
            inputs["security"] = rendered;
        }

        return inputs;
    }

    private static JsonObject Mapping(JsonObject mapping, string where)
    {
        var rendered = new JsonObject();
        InputShapes.Copy(mapping, rendered, "blueprint", "filter", "itemsToParse");
        rendered["operation"] = mapping["operation"] switch
        {
            null => null,
            JsonObject operation => operation.DeepClone(),
            var text when InputShapes.Text(text) is { } name => new JsonObject { ["type"] = name },
            var other => throw new NotSupportedException($"{where}: operation {other.ToJsonString()} has no provider input shape"),
        };
        if (rendered["operation"] is null)
        {
            rendered.Remove("operation");
        }

        var entity = mapping["entity"] as JsonObject ?? throw new NotSupportedException($"{where}: a mapping has no entity");
        var renderedEntity = new JsonObject();
        renderedEntity["identifier"] = entity["identifier"] switch
        {
            JsonObject search => GoJson.Write(search),
            var node when InputShapes.Text(node) is { } jq => jq,
            _ => throw new NotSupportedException($"{where}: a mapping's entity identifier is neither a jq string nor a search query"),
        };
        InputShapes.Copy(entity, renderedEntity, "title", "icon", "team", "properties");
        if (entity["relations"] is JsonObject { Count: > 0 } relations)
        {
            // A map of jq strings, as the provider takes them (port/webhook/schema.go at v2.21.10); a search query is not mapped.
            renderedEntity["relations"] = relations.Any(r => InputShapes.Text(r.Value) is null)
                ? throw new NotSupportedException($"{where}: a mapping relation that is not a jq string is not mapped to provider inputs")
                : relations.DeepClone();
        }

        rendered["entity"] = renderedEntity;
        return rendered;
    }
}
