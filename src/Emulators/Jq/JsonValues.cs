using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>jq's notions of truth, equality and type names over System.Text.Json nodes.</summary>
public static class JsonValues
{
    /// <summary>jq: only <c>false</c> and <c>null</c> are false.</summary>
    public static bool IsTruthy(JsonNode? value)
        => value is not null && !(value.GetValueKind() == JsonValueKind.False);

    /// <summary>Deep equality where numbers compare by value (1 == 1.0), as in jq.</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        var kind = left.GetValueKind();
        if (kind == JsonValueKind.Number && right.GetValueKind() == JsonValueKind.Number)
        {
            return Number(left) == Number(right);
        }

        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>A number node's value, whether it was parsed from text or created from a CLR number.</summary>
    public static double Number(JsonNode value)
        => value.AsValue().TryGetValue<double>(out var number)
            ? number
            : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static string TypeName(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };
}
