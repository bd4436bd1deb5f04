using System.Globalization;
using System.Text;

namespace FakePulumiEngine;

/// <summary>
/// JSON as Go's <c>encoding/json</c> writes it, which is how the dotnet language host builds PULUMI_CONFIG
/// and PULUMI_CONFIG_SECRET_KEYS (pulumi/pulumi-dotnet <c>pulumi-language-dotnet/main.go</c>): map keys
/// sorted, <c>&lt; &gt; &amp;</c> and U+2028/U+2029 escaped as <c>\u003c</c> …, other non-ASCII left as is.
/// </summary>
public static class GoJson
{
    public static string Object(IReadOnlyDictionary<string, string> values)
        => "{" + string.Join(",", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => String(v.Key) + ":" + String(v.Value))) + "}";

    public static string Array(IEnumerable<string> values) => "[" + string.Join(",", values.Select(String)) + "]";

    public static string String(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '<' or '>' or '&' or '\u2028' or '\u2029' => Escape(c),
                < ' ' => Escape(c),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Escape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
}
