using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Shell.Rendering;

/// <summary>
/// Shows a JSON value the way Pulumi's diff does: strings quoted, the secret mask bare, other values
/// as compact JSON, long values cut so one property cannot flood a terminal or a PR comment.
/// </summary>
public static class ValueFormatter
{
    public const int MaxLength = 200;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(JsonNode? value)
    {
        var text = value switch
        {
            null => "null",
            JsonValue v when v.TryGetValue(out string? s) && s == Secret.Mask => Secret.Mask,
            _ => value.ToJsonString(Compact),
        };
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
    }
}
