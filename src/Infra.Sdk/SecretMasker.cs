using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// The program's one masking rule: wherever the text of a known secret value appears (an error
/// message, a server's echo of what it was sent, a string inside a plan's JSON), that text is
/// replaced by <see cref="Secret.Mask"/> and the rest is kept, so a message stays readable. The HTTP
/// clients and the engine each hold one, fed with the values they know.
/// </summary>
public sealed class SecretMasker
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    // Longest first, so a secret that contains another is masked whole. Replaced, never mutated, so
    // readers need no lock.
    private string[] _values = [];

    public SecretMasker(IEnumerable<Secret>? secrets = null)
    {
        foreach (var secret in secrets ?? [])
        {
            Add(secret.Reveal());
        }
    }

    /// <summary>Adds a value to mask from now on (a token minted during the run, say); null or empty is ignored.</summary>
    public void Add(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            if (_known.Add(value))
            {
                _values = [.. _known.OrderByDescending(v => v.Length)];
            }
        }
    }

    /// <summary><paramref name="text"/> with every known value, and every one of <paramref name="extra"/>, replaced by <see cref="Secret.Mask"/>.</summary>
    public string MaskText(string text, IEnumerable<string>? extra = null)
    {
        var values = extra is null
            ? _values
            : [.. _values.Concat(extra.Where(v => !string.IsNullOrEmpty(v))).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
        foreach (var value in values)
        {
            text = text.Replace(value, Secret.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Masks every string inside <paramref name="node"/> in place and returns it (or its replacement, for a bare string).</summary>
    public JsonNode? Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                List<(string Key, string Masked)>? leaking = null;
                foreach (var (key, value) in o)
                {
                    if (Masked(value) is { } masked)
                    {
                        (leaking ??= []).Add((key, masked));
                    }
                    else
                    {
                        Mask(value);
                    }
                }

                foreach (var (key, masked) in leaking ?? [])
                {
                    o[key] = masked;
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (Masked(a[i]) is { } masked)
                    {
                        a[i] = masked;
                    }
                    else
                    {
                        Mask(a[i]);
                    }
                }

                return a;
            default:
                return Masked(node) is { } text ? JsonValue.Create(text) : node;
        }
    }

    public JsonObject? Mask(JsonObject? node) => (JsonObject?)Mask((JsonNode?)node);

    /// <summary>The masked text of a string value that holds a secret; null for anything else.</summary>
    private string? Masked(JsonNode? node)
    {
        if (_values.Length == 0 || node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = v.GetValue<string>();
        var masked = MaskText(text);
        return ReferenceEquals(masked, text) || masked == text ? null : masked;
    }
}
