using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// JSON text exactly as Go's <c>encoding/json</c> writes a decoded value: compact, object keys sorted
/// by byte order, <c>&lt; &gt; &amp;</c> and U+2028/U+2029 escaped in lower-case hex. The Port provider
/// re-encodes a webhook body this way when it reads an action back, so a body sent in any other
/// spelling would show as a change after every <c>pulumi refresh</c>.
/// </summary>
internal static class GoJson
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    AppendString(builder, key);
                    builder.Append(':');
                    Append(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Append(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        AppendString(builder, value.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        builder.Append("true");
                        break;
                    case JsonValueKind.False:
                        builder.Append("false");
                        break;
                    case JsonValueKind.Number:
                        // Go decodes numbers as float64 and prints integers without a fraction.
                        builder.Append(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                        break;
                    default:
                        builder.Append("null");
                        break;
                }

                break;
        }
    }

    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
