using System.Text;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// Spacelift's server parses an empty argument list, <c>policies()</c>, which the GraphQL grammar does not
/// allow and GraphQL.NET refuses; the Terraform provider has sent exactly that since 2022
/// (<c>spacelift/data_policies.go</c>, <c>graphql:"policies()"</c>, at 8565261), and its <c>spacelift_spaces</c>
/// data source sends <c>spaces()</c>. Spacelift's parser reads arguments until <c>)</c> (spacelift-io/graphql-go
/// <c>internal/common/values.go</c>, <c>ParseArgumentList</c>, at acf5bd3). The emulator drops such lists before
/// parsing, outside strings and comments, and changes nothing else.
/// </summary>
internal static class EmptyArgumentLists
{
    public static string? Strip(string? document)
    {
        if (document is null || !document.Contains('(', StringComparison.Ordinal))
        {
            return document;
        }

        var result = new StringBuilder(document.Length);
        var i = 0;
        while (i < document.Length)
        {
            var c = document[i];
            if (c == '#')
            {
                var end = document.IndexOf('\n', i);
                end = end < 0 ? document.Length : end;
                result.Append(document, i, end - i);
                i = end;
            }
            else if (c == '"')
            {
                var end = StringEnd(document, i);
                result.Append(document, i, end - i);
                i = end;
            }
            else if (c == '(' && IsEmptyList(document, i, out var close) && PrecededByName(result))
            {
                i = close + 1;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>The index just past the string literal (block or plain) that starts at <paramref name="start"/>.</summary>
    private static int StringEnd(string document, int start)
    {
        if (string.CompareOrdinal(document, start, "\"\"\"", 0, 3) == 0)
        {
            var close = document.IndexOf("\"\"\"", start + 3, StringComparison.Ordinal);
            return close < 0 ? document.Length : close + 3;
        }

        var i = start + 1;
        while (i < document.Length && document[i] != '"' && document[i] != '\n')
        {
            i += document[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, document.Length);
    }

    private static bool IsEmptyList(string document, int open, out int close)
    {
        close = open + 1;
        while (close < document.Length && (char.IsWhiteSpace(document[close]) || document[close] == ','))
        {
            close++;
        }

        return close < document.Length && document[close] == ')';
    }

    private static bool PrecededByName(StringBuilder written)
    {
        var i = written.Length - 1;
        while (i >= 0 && (char.IsWhiteSpace(written[i]) || written[i] == ','))
        {
            i--;
        }

        return i >= 0 && (char.IsAsciiLetterOrDigit(written[i]) || written[i] == '_');
    }
}
