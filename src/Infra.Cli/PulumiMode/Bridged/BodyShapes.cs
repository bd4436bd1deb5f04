using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>Reads a declared body's members by the JSON kind the provider's attribute takes, refusing any other kind.</summary>
internal static class BodyShapes
{
    /// <summary>Refuses a member no attribute takes, rather than drop it.</summary>
    public static void RequireKnown(JsonObject body, string where, IReadOnlyCollection<string> known)
    {
        if (body.Select(m => m.Key).FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new NotSupportedException($"{where}: '{unknown}' has no input in Spacelift's Terraform provider");
        }
    }

    public static string? Text(JsonObject body, string member, string where) => body[member] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw new NotSupportedException($"{where}: '{member}' is {other.ToJsonString()}, and the provider takes a string"),
    };

    public static string RequiredText(JsonObject body, string member, string where)
        => Text(body, member, where) ?? throw new NotSupportedException($"{where}: '{member}' is missing, and the provider requires it");

    public static bool? Flag(JsonObject body, string member, string where) => body[member] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        var other => throw new NotSupportedException($"{where}: '{member}' is {other.ToJsonString()}, and the provider takes a boolean"),
    };

    /// <summary>A set of strings (Terraform's <c>TypeSet</c> of <c>TypeString</c>), as a JSON array of strings.</summary>
    public static JsonArray? Texts(JsonObject body, string member, string where) => body[member] switch
    {
        null => null,
        JsonArray array when array.All(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String) => new JsonArray([.. array.Select(e => e!.DeepClone())]),
        var other => throw new NotSupportedException($"{where}: '{member}' is {other.ToJsonString()}, and the provider takes a set of strings"),
    };
}
