using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// The program's one masking rule: wherever a known secret value appears (an error message, a
/// server's echo of what it was sent, a string inside a plan's JSON), it is replaced by
/// <see cref="Secret.Mask"/> and the rest is kept, so a message stays readable. The HTTP clients and
/// the engine each hold one, fed with the values they know.
/// </summary>
/// <remarks>
/// Whole values are masked, as GitHub Actions masks them, in their plain, URL-escaped and
/// JSON-escaped forms. A value of <see cref="SubstringLength"/> characters or more is masked wherever
/// its text occurs: that long, it does not occur by chance. A shorter one is masked only where it
/// stands as a whole token, not glued to a letter, digit or <c>_</c> on a side where the value itself
/// starts or ends with one: a secret <c>e</c> hides <c>secret=e&amp;</c>, <c>"e"</c> and
/// <c>Bearer e</c>, but leaves every e of "client secret" alone. A value that is also an identifier
/// shown in clear (<see cref="Allow"/>) is not a secret and is never masked. Values shorter than
/// <see cref="MinimumLength"/> cannot be masked without hiding ordinary words: configuration should
/// refuse them (see <see cref="IsTooShortToMask"/>).
/// </remarks>
public sealed class SecretMasker
{
    /// <summary>From this length on, a value is masked wherever its text occurs, even inside a longer word.</summary>
    public const int SubstringLength = 16;

    /// <summary>Below this length a secret cannot be masked safely even as a token (<c>e</c> in "e.g.").</summary>
    public const int MinimumLength = 4;

    private static readonly JavaScriptEncoder[] JsonEncoders = [JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JavaScriptEncoder.Default];

    private readonly Lock _gate = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _public = new(StringComparer.Ordinal);

    // Longest first, each with its escaped forms, identifiers left out. Replaced, never mutated, so
    // readers need no lock.
    private string[] _values = [];

    public SecretMasker(IEnumerable<Secret>? secrets = null)
    {
        foreach (var secret in secrets ?? [])
        {
            Add(secret.Reveal());
        }
    }

    /// <summary>True for a non-empty value too short to mask without hiding ordinary text.</summary>
    public static bool IsTooShortToMask(string? value) => value is { Length: > 0 and < MinimumLength };

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
                Rebuild();
            }
        }
    }

    /// <summary>
    /// Declares <paramref name="identifier"/> public (a client id, an API key id): it is shown, even
    /// when a secret has the same value, since a secret equal to an identifier shown in clear hides nothing.
    /// </summary>
    public void Allow(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return;
        }

        lock (_gate)
        {
            if (_public.Add(identifier))
            {
                Rebuild();
            }
        }
    }

    /// <summary><paramref name="text"/> with every known value, and every one of <paramref name="extra"/>, replaced by <see cref="Secret.Mask"/>.</summary>
    public string MaskText(string text, IEnumerable<string>? extra = null)
    {
        var values = _values;
        if (extra is not null)
        {
            var more = Forms(extra.Where(v => !string.IsNullOrEmpty(v) && !IsPublic(v)));
            if (more.Count > 0)
            {
                values = [.. values.Concat(more).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
            }
        }

        return values.Length == 0 || text.Length == 0 ? text : Replace(text, values);
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

    /// <summary>
    /// One pass over the text: occurrences are taken longest value first, and an occurrence that
    /// overlaps one already taken is skipped, so a mask is never masked again.
    /// </summary>
    private static string Replace(string text, string[] values)
    {
        List<(int Start, int Length)>? spans = null;
        foreach (var value in values)
        {
            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                if (!StandsAlone(text, at, value) || Overlaps(spans, at, value.Length))
                {
                    continue;
                }

                (spans ??= []).Add((at, value.Length));
            }
        }

        if (spans is null)
        {
            return text;
        }

        spans.Sort((x, y) => x.Start.CompareTo(y.Start));
        var builder = new StringBuilder(text.Length);
        var next = 0;
        foreach (var (start, length) in spans)
        {
            builder.Append(text, next, start - next).Append(Secret.Mask);
            next = start + length;
        }

        return builder.Append(text, next, text.Length - next).ToString();
    }

    private static bool StandsAlone(string text, int at, string value)
    {
        if (value.Length >= SubstringLength)
        {
            return true;
        }

        var end = at + value.Length;
        var openBefore = at == 0 || !IsWordChar(value[0]) || !IsWordChar(text[at - 1]);
        var openAfter = end == text.Length || !IsWordChar(value[^1]) || !IsWordChar(text[end]);
        return openBefore && openAfter;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool Overlaps(List<(int Start, int Length)>? spans, int start, int length) =>
        spans is not null && spans.Any(s => start < s.Start + s.Length && s.Start < start + length);

    private bool IsPublic(string value)
    {
        lock (_gate)
        {
            return _public.Contains(value);
        }
    }

    private void Rebuild() =>
        _values = [.. Forms(_known.Where(v => !_public.Contains(v))).OrderByDescending(v => v.Length)];

    /// <summary>Each value as written, URL-escaped (a query string, a form body) and JSON-escaped (a body echoed back).</summary>
    private static List<string> Forms(IEnumerable<string> values)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            forms.Add(value);
            forms.Add(Uri.EscapeDataString(value));
            foreach (var encoder in JsonEncoders)
            {
                forms.Add(JsonEncodedText.Encode(value, encoder).ToString());
            }
        }

        return [.. forms];
    }

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
