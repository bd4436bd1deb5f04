using System.Globalization;
using System.Text;

namespace Emulators.Jq;

/// <summary>Splits an expression into tokens; anything the subset does not know is reported by name.</summary>
internal static class JqLexer
{
    private static readonly string[] TwoCharSymbols = ["==", "!=", "<=", ">=", "//", "|=", "+=", "-=", "?/", ".."];

    public static List<JqToken> Tokenize(string source, JqSyntax syntax = JqSyntax.Standard)
    {
        var tokens = new List<JqToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                i = ReadString(source, i, tokens);
            }
            else if (c == '\'' && syntax == JqSyntax.PortMapping)
            {
                i = ReadSingleQuoted(source, i, tokens);
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] is '.' or 'e' or 'E'
                    || (source[i] is '+' or '-' && source[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                var text = source[start..i];
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new JqException($"invalid number '{text}' at position {start}");
                }

                tokens.Add(new JqToken(JqTokenKind.Number, text, start));
            }
            else if (c == '.' && i + 1 < source.Length && IsIdentifierStart(source[i + 1]))
            {
                var start = i++;
                var name = ReadIdentifier(source, ref i);
                tokens.Add(new JqToken(JqTokenKind.Field, name, start));
            }
            else if (IsIdentifierStart(c))
            {
                var start = i;
                tokens.Add(new JqToken(JqTokenKind.Keyword, ReadIdentifier(source, ref i), start));
            }
            else
            {
                var two = i + 1 < source.Length ? source.Substring(i, 2) : null;
                if (two is not null && TwoCharSymbols.Contains(two))
                {
                    tokens.Add(new JqToken(JqTokenKind.Symbol, two, i));
                    i += 2;
                }
                else
                {
                    tokens.Add(new JqToken(c == '.' ? JqTokenKind.Dot : JqTokenKind.Symbol, c.ToString(), i));
                    i++;
                }
            }
        }

        tokens.Add(new JqToken(JqTokenKind.End, string.Empty, source.Length));
        return tokens;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static string ReadIdentifier(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
        {
            i++;
        }

        return source[start..i];
    }

    /// <summary>Port's <c>'text'</c>: everything up to the next quote, as written (see <see cref="JqSyntax.PortMapping"/>).</summary>
    private static int ReadSingleQuoted(string source, int start, List<JqToken> tokens)
    {
        var end = source.IndexOf('\'', start + 1);
        if (end < 0)
        {
            throw new JqException($"unterminated string starting at position {start}");
        }

        tokens.Add(new JqToken(JqTokenKind.String, source[(start + 1)..end], start));
        return end + 1;
    }

    private static int ReadString(string source, int start, List<JqToken> tokens)
    {
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < source.Length && source[i] != '"')
        {
            if (source[i] != '\\')
            {
                builder.Append(source[i++]);
                continue;
            }

            if (i + 1 >= source.Length)
            {
                break;
            }

            var escaped = source[i + 1];
            if (escaped == '(')
            {
                throw new JqException($"string interpolation \"\\(...)\" at position {i} is not supported by the emulator's jq subset");
            }

            if (escaped == 'u' && i + 5 < source.Length
                && int.TryParse(source.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 6;
                continue;
            }

            builder.Append(escaped switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '"' or '\\' or '/' => escaped,
                _ => throw new JqException($"invalid escape '\\{escaped}' at position {i}"),
            });
            i += 2;
        }

        if (i >= source.Length)
        {
            throw new JqException($"unterminated string starting at position {start}");
        }

        tokens.Add(new JqToken(JqTokenKind.String, builder.ToString(), start));
        return i + 1;
    }
}
