using System.Text.Json.Nodes;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>Small helpers the per-kind renderers share, and Pulumi mode when it reads provider inputs back: copying members and grouping typed properties.</summary>
public static class InputShapes
{
    /// <summary>Copies the named members that are present and non-null, deep-cloned.</summary>
    public static void Copy(JsonObject from, JsonObject to, params string[] names)
    {
        foreach (var name in names)
        {
            if (from[name] is { } value)
            {
                to[name] = value.DeepClone();
            }
        }
    }

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The provider's <c>&lt;kind&gt;Props</c> group for a JSON-schema type.</summary>
    public static string PropsGroup(string? type, string where) => type switch
    {
        "string" => "stringProps",
        "number" => "numberProps",
        "boolean" => "booleanProps",
        "array" => "arrayProps",
        "object" => "objectProps",
        _ => throw new NotSupportedException($"{where}: property type '{type}' has no provider input shape"),
    };

    /// <summary>Adds <paramref name="value"/> under <c>target[group][name]</c>, creating the group.</summary>
    public static void AddToGroup(JsonObject target, string group, string name, JsonNode value)
    {
        if (target[group] is not JsonObject members)
        {
            members = [];
            target[group] = members;
        }

        members[name] = value;
    }

    /// <summary>The renderers only map what the declarations produce; anything else fails loudly rather than vanish.</summary>
    public static void RequireEmpty(JsonObject body, string where, params string[] names)
    {
        foreach (var name in names)
        {
            if (body[name] is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
            {
                throw new NotSupportedException($"{where}: '{name}' is not empty, and this renderer does not map it to provider inputs");
            }
        }
    }
}
