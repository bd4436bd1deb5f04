using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// Checks resource inputs against the Port provider's published Pulumi schema (a copy in Schema/):
/// every input is a declared property of the right type, required inputs are present, nested object
/// types are followed through <c>$ref</c>, and properties the schema marks secret arrive wrapped as
/// secrets. An unknown (preview) may stand for any value.
/// </summary>
internal sealed class ProviderSchema
{
    public const string SecretKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private readonly JsonObject _schema;

    private ProviderSchema(JsonObject schema) => _schema = schema;

    public static ProviderSchema Port { get; } = new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PulumiMode", "Schema", "port-provider-schema.json")))!.AsObject());

    public string PluginDownloadUrl => _schema["pluginDownloadURL"]!.GetValue<string>();

    /// <summary>Every problem found, one line each; empty when the inputs are valid.</summary>
    public IReadOnlyList<string> Validate(string type, JsonObject inputs)
    {
        var problems = new List<string>();
        // The explicit provider's inputs are the schema's provider section (pulumi:providers:port).
        var resource = type == "pulumi:providers:" + _schema["name"]!.GetValue<string>() ? _schema["provider"] as JsonObject : _schema["resources"]?[type] as JsonObject;
        if (resource is null)
        {
            return [$"{type}: no such resource in the schema"];
        }

        CheckObject(type, resource["inputProperties"]!.AsObject(), resource["requiredInputs"] as JsonArray, inputs, problems);
        return problems;
    }

    private void CheckObject(string path, JsonObject properties, JsonArray? required, JsonObject value, List<string> problems)
    {
        foreach (var name in required?.Select(n => n!.GetValue<string>()) ?? [])
        {
            if (value[name] is null)
            {
                problems.Add($"{path}.{name}: required but missing");
            }
        }

        foreach (var (name, member) in value)
        {
            if (properties[name] is not JsonObject spec)
            {
                problems.Add($"{path}.{name}: not an input of the schema");
                continue;
            }

            if (spec["secret"]?.GetValue<bool>() == true)
            {
                if (member is not JsonObject envelope || envelope[SecretKey]?.GetValue<string>() != SecretSignature)
                {
                    problems.Add($"{path}.{name}: marked secret in the schema but not sent wrapped as a secret");
                    continue;
                }

                CheckValue($"{path}.{name}", spec, envelope["value"], problems);
                continue;
            }

            // Any input may be sent as a secret (the engine keeps the mark; the provider checks the value).
            CheckValue($"{path}.{name}", spec, member is JsonObject wrapped && wrapped[SecretKey]?.GetValue<string>() == SecretSignature ? wrapped["value"] : member, problems);
        }
    }

    private void CheckValue(string path, JsonObject spec, JsonNode? value, List<string> problems)
    {
        if (value is JsonValue unknown && unknown.GetValueKind() == JsonValueKind.String && unknown.GetValue<string>() == Unknown)
        {
            return;
        }

        if (value is null)
        {
            problems.Add($"{path}: null");
            return;
        }

        if (spec["$ref"]?.GetValue<string>() is { } reference)
        {
            var typeName = reference["#/types/".Length..];
            if (_schema["types"]?[typeName] is not JsonObject type)
            {
                problems.Add($"{path}: unknown type {typeName}");
                return;
            }

            if (value is not JsonObject obj)
            {
                problems.Add($"{path}: expected an object of {typeName}, got {value.ToJsonString()}");
                return;
            }

            CheckObject(path, type["properties"]!.AsObject(), type["required"] as JsonArray, obj, problems);
            return;
        }

        var kind = value.GetValueKind();
        switch (spec["type"]?.GetValue<string>())
        {
            case "string" when kind != JsonValueKind.String:
            case "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False):
            case "number" when kind != JsonValueKind.Number:
            case "integer" when kind != JsonValueKind.Number || value.GetValue<double>() % 1 != 0:
                problems.Add($"{path}: expected {spec["type"]}, got {value.ToJsonString()}");
                break;
            case "array" when value is not JsonArray:
                problems.Add($"{path}: expected an array, got {value.ToJsonString()}");
                break;
            case "array":
                var items = spec["items"]!.AsObject();
                var array = (JsonArray)value;
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue($"{path}[{i}]", items, array[i], problems);
                }

                break;
            case "object" when value is not JsonObject:
                problems.Add($"{path}: expected an object, got {value.ToJsonString()}");
                break;
            case "object":
                var additional = spec["additionalProperties"] as JsonObject ?? new JsonObject { ["type"] = "string" };
                foreach (var (key, member) in (JsonObject)value)
                {
                    CheckValue($"{path}.{key}", additional, member, problems);
                }

                break;
        }
    }
}
