using System.Text;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// Spacelift's GraphQL server accepts an empty argument list, <c>spaces()</c>: its parser (spacelift-io/graphql-go,
/// <c>internal/common/values.go</c>, <c>ParseArgumentList</c>) reads arguments until <c>)</c>, and
/// terraform-provider-spacelift's <c>spacelift_spaces</c> data source sends exactly that. GraphQL.NET follows the
/// spec, which wants at least one argument, so the emulator drops empty lists before parsing. String literals,
/// block strings and comments are left as they are.
/// </summary>
internal static class EmptyArgumentLists
{
    public static string? Remove(string? document)
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
                i = Copy(document, i, end < 0 ? document.Length : end, result);
            }
            else if (c == '"')
            {
                i = Copy(document, i, StringEnd(document, i), result);
            }
            else if (c == '(' && EmptyListEnd(document, i) is { } close)
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

    private static int Copy(string document, int from, int to, StringBuilder result)
    {
        result.Append(document, from, to - from);
        return to;
    }

    /// <summary>The index just past the string literal or block string starting at <paramref name="start"/>.</summary>
    private static int StringEnd(string document, int start)
    {
        if (string.CompareOrdinal(document, start, "\"\"\"", 0, 3) == 0)
        {
            var end = document.IndexOf("\"\"\"", start + 3, StringComparison.Ordinal);
            while (end > 0 && document[end - 1] == '\\')
            {
                end = document.IndexOf("\"\"\"", end + 3, StringComparison.Ordinal);
            }

            return end < 0 ? document.Length : end + 3;
        }

        for (var i = start + 1; i < document.Length; i++)
        {
            if (document[i] == '\\')
            {
                i++;
            }
            else if (document[i] is '"' or '\n')
            {
                return i + 1;
            }
        }

        return document.Length;
    }

    /// <summary>The index of the <c>)</c> closing an empty list opened at <paramref name="open"/>; null when the list is not empty.</summary>
    private static int? EmptyListEnd(string document, int open)
    {
        for (var i = open + 1; i < document.Length; i++)
        {
            switch (document[i])
            {
                case ')':
                    return i;
                case ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF':
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }
}
