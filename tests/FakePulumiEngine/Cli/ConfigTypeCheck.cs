using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakePulumiEngine.Cli;

/// <summary>
/// Pulumi's <c>ValidateConfigValue</c> and <c>InferFullTypeName</c> (pulumi/pulumi
/// <c>sdk/go/common/workspace/project.go</c>). A value is a JSON node as Go would hold it: a string
/// (a plain stack value is always one), a number, a bool, a map or a list.
/// </summary>
public static class ConfigTypeCheck
{
    public static bool Matches(string type, JsonNode? items, JsonNode? value) => type switch
    {
        "string" => Kind(value) == JsonValueKind.String,
        "integer" => Kind(value) switch
        {
            JsonValueKind.Number => value!.AsValue().TryGetValue<long>(out _) || IsWhole(value!),
            // strconv.Atoi: an optional sign and decimal digits only.
            JsonValueKind.String => int.TryParse(value!.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            _ => false,
        },
        "boolean" => Kind(value) is JsonValueKind.True or JsonValueKind.False
            || (Kind(value) == JsonValueKind.String && value!.GetValue<string>() is "true" or "false"),
        "object" => value is JsonObject,
        "array" => value is JsonArray list && items?["type"]?.GetValue<string>() is { } itemType
            && list.All(item => Matches(itemType, items["items"], item)),
        _ => false,
    };

    public static string FullTypeName(string type, JsonNode? items)
        => type == "array" && items?["type"]?.GetValue<string>() is { } itemType ? $"array<{FullTypeName(itemType, items["items"])}>" : type;

    private static JsonValueKind Kind(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

    private static bool IsWhole(JsonNode value)
    {
        var number = value.AsValue().TryGetValue<double>(out var real) ? real : double.NaN;
        return Math.Floor(number) == number && !double.IsInfinity(number);
    }
}
