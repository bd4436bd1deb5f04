using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Cli.Config.Yaml;

/// <summary>Writes a string as a YAML scalar that reads back as the same string.</summary>
internal static partial class YamlScalar
{
    /// <summary>
    /// Plain when that is safe, else double-quoted. Text that YAML would read as a number, boolean or
    /// null is quoted, as <c>pulumi config set</c> writes <c>"8"</c>: our loader accepts both for typed keys.
    /// </summary>
    public static string Render(string text) => IsSafePlain(text) ? text : Quote(text);

    private static bool IsSafePlain(string text) =>
        text.Length > 0
        && SafePlain().IsMatch(text)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !NonString().IsMatch(text);

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    // Starts with a character that cannot begin a YAML indicator, no surrounding spaces, printable ASCII.
    [GeneratedRegex(@"^[A-Za-z0-9_./+=$()^~][\x21-\x7E ]*(?<! )$")]
    private static partial Regex SafePlain();

    // Scalars YAML 1.1 or 1.2 would resolve to something other than a string.
    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}.*|[0-9]+(?::[0-9]{1,2})+(?:\.[0-9]*)?)$")]
    private static partial Regex NonString();
}
