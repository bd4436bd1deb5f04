using System.Text.Json.Nodes;
using Infra.Model;

namespace Infra.Engine;

/// <summary>
/// Last line of defence for everything a plan shows: any string that contains a known secret value is
/// replaced by <c>[secret]</c>, wherever it sits (a webhook header, an entity property...).
/// </summary>
internal sealed class SecretMasker(IEnumerable<Secret> secrets)
{
    private readonly string[] _values = [.. secrets.Select(s => s.Reveal()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Masks <paramref name="node"/> in place and returns it (or its replacement, for a bare string).</summary>
    public JsonNode? Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                List<string>? leaking = null;
                foreach (var (key, value) in o)
                {
                    if (IsLeakingString(value))
                    {
                        (leaking ??= []).Add(key);
                    }
                    else
                    {
                        Mask(value);
                    }
                }

                foreach (var key in leaking ?? [])
                {
                    o[key] = Secret.Mask;
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (IsLeakingString(a[i]))
                    {
                        a[i] = Secret.Mask;
                    }
                    else
                    {
                        Mask(a[i]);
                    }
                }

                return a;
            default:
                return IsLeakingString(node) ? JsonValue.Create(Secret.Mask) : node;
        }
    }

    public JsonObject? Mask(JsonObject? node) => (JsonObject?)Mask((JsonNode?)node);

    private bool IsLeakingString(JsonNode? node)
        => _values.Length > 0 && node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && Leaks(v.GetValue<string>());

    /// <summary>A message that contains a known secret value is replaced whole by <c>[secret]</c>.</summary>
    public string MaskText(string text) => Leaks(text) ? Secret.Mask : text;

    private bool Leaks(string text) => _values.Any(v => text.Contains(v, StringComparison.Ordinal));
}
