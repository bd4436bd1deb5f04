using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// Port's blueprint body → inputs of <c>port:index/blueprint:Blueprint</c>. Properties are grouped by
/// type (<c>stringProps</c>, <c>arrayProps</c>, …) without their <c>type</c>; <c>required</c> becomes a flag on
/// each property; a string array gets <c>stringItems</c>, which is what makes the provider send
/// <c>items: {type: string}</c>. Relations (<c>title</c>, <c>target</c>, <c>required</c>, <c>many</c>,
/// <c>description</c>) and mirror properties (<c>path</c>, <c>title</c>) map one to one; calculation
/// properties are refused, and so are aggregation properties, which the provider declares in a resource of
/// their own (<see cref="AggregationPropertiesInputs"/>) and keeps on every blueprint update.
/// </summary>
public sealed class BlueprintInputs : IProviderInputsRenderer
{
    private static readonly string[] StringMembers = ["title", "icon", "description", "format", "default", "enum", "pattern", "minLength", "maxLength", "spec"];
    private static readonly string[] OtherMembers = ["title", "icon", "description", "default"];

    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var where = $"blueprint '{InputShapes.Text(body["identifier"])}'";
        InputShapes.RequireEmpty(body, where, "calculationProperties", "aggregationProperties");
        var inputs = new JsonObject();
        InputShapes.Copy(body, inputs, "identifier", "title", "icon", "description");
        if (Members(body["relations"], where + " relation", "title", "target", "required", "many", "description") is { } relations)
        {
            inputs["relations"] = relations;
        }

        if (Members(body["mirrorProperties"], where + " mirror property", "path", "title") is { } mirrors)
        {
            inputs["mirrorProperties"] = mirrors;
        }

        var schema = body["schema"] as JsonObject;
        var required = (schema?["required"] as JsonArray)?.Select(InputShapes.Text).ToHashSet(StringComparer.Ordinal) ?? [];
        var properties = new JsonObject();
        foreach (var (name, node) in (schema?["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var property = node as JsonObject ?? throw new NotSupportedException($"{where}: property '{name}' is not an object");
            var type = InputShapes.Text(property["type"]);
            var rendered = new JsonObject();
            InputShapes.Copy(property, rendered, type == "string" ? StringMembers : OtherMembers);
            if (rendered["enum"] is { } enums)
            {
                rendered.Remove("enum");
                rendered["enums"] = enums;
            }

            if (type == "array")
            {
                RenderItems(property, rendered, where + $" property '{name}'");
            }

            if (required.Contains(name))
            {
                rendered["required"] = true;
            }

            InputShapes.AddToGroup(properties, InputShapes.PropsGroup(type, where + $" property '{name}'"), name, rendered);
        }

        if (properties.Count > 0)
        {
            inputs["properties"] = properties;
        }

        return inputs;
    }

    /// <summary>A map of definitions with the named members copied, in key order; null when empty. Any other member is refused.</summary>
    private static JsonObject? Members(JsonNode? map, string where, params string[] names)
    {
        if (map is not JsonObject { Count: > 0 } definitions)
        {
            return null;
        }

        var rendered = new JsonObject();
        foreach (var (name, node) in definitions.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var definition = node as JsonObject ?? throw new NotSupportedException($"{where} '{name}' is not an object");
            if (definition.Select(m => m.Key).FirstOrDefault(m => !names.Contains(m)) is { } other)
            {
                throw new NotSupportedException($"{where} '{name}': '{other}' has no provider input");
            }

            var copy = new JsonObject();
            InputShapes.Copy(definition, copy, names);
            rendered[name] = copy;
        }

        return rendered;
    }

    private static void RenderItems(JsonObject property, JsonObject rendered, string where)
    {
        if (property["items"] is not JsonObject items)
        {
            return;
        }

        var type = InputShapes.Text(items["type"]);
        var group = type switch
        {
            "string" => "stringItems",
            "number" => "numberItems",
            "boolean" => "booleanItems",
            "object" => "objectItems",
            _ => throw new NotSupportedException($"{where}: array items of type '{type}' have no provider input shape"),
        };
        var shape = new JsonObject();
        InputShapes.Copy(items, shape, "format", "pattern");
        rendered[group] = shape;
    }
}
