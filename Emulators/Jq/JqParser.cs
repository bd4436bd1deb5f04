using System.Globalization;
using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>
/// Recursive-descent parser for the subset: paths (<c>.a.b</c>, <c>.a["k"]</c>, <c>.</c>), literals,
/// <c>==</c>, <c>!=</c>, <c>and</c>, <c>or</c>, <c>not</c>, pipes and parentheses. Precedence follows jq:
/// <c>|</c> &lt; <c>or</c> &lt; <c>and</c> &lt; comparison &lt; postfix.
/// </summary>
internal sealed class JqParser
{
    private readonly string _source;
    private readonly List<JqToken> _tokens;
    private int _next;

    private JqParser(string source)
    {
        _source = source;
        _tokens = JqLexer.Tokenize(source);
    }

    public static JqNode Parse(string source)
    {
        var parser = new JqParser(source);
        if (parser.Peek.Kind == JqTokenKind.End)
        {
            throw new JqException("empty jq expression");
        }

        var node = parser.ParsePipe();
        if (parser.Peek.Kind != JqTokenKind.End)
        {
            throw parser.Unsupported(parser.Peek);
        }

        return node;
    }

    private JqToken Peek => _tokens[_next];

    private JqToken Take() => _tokens[_next++];

    private bool TakeSymbol(string symbol)
    {
        if (Peek.Kind == JqTokenKind.Symbol && Peek.Text == symbol)
        {
            _next++;
            return true;
        }

        return false;
    }

    private bool TakeKeyword(string keyword)
    {
        if (Peek.Kind == JqTokenKind.Keyword && Peek.Text == keyword)
        {
            _next++;
            return true;
        }

        return false;
    }

    private JqNode ParsePipe()
    {
        var left = ParseOr();
        while (TakeSymbol("|"))
        {
            left = new PipeNode(left, ParseOr());
        }

        return left;
    }

    private JqNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeKeyword("or"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private JqNode ParseAnd()
    {
        var left = ParseComparison();
        while (TakeKeyword("and"))
        {
            left = new AndNode(left, ParseComparison());
        }

        return left;
    }

    private JqNode ParseComparison()
    {
        var left = ParsePostfix();
        if (TakeSymbol("=="))
        {
            return new EqualityNode(left, ParsePostfix(), Negated: false);
        }

        if (TakeSymbol("!="))
        {
            return new EqualityNode(left, ParsePostfix(), Negated: true);
        }

        return left;
    }

    private JqNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Peek.Kind == JqTokenKind.Field)
            {
                node = new IndexNode(node, Take().Text);
            }
            else if (Peek.Kind == JqTokenKind.Dot && _tokens[_next + 1] is { Kind: JqTokenKind.Symbol, Text: "[" })
            {
                _next++;
                node = ParseBracket(node);
            }
            else if (Peek is { Kind: JqTokenKind.Symbol, Text: "[" })
            {
                node = ParseBracket(node);
            }
            else
            {
                return node;
            }
        }
    }

    private JqNode ParseBracket(JqNode target)
    {
        var open = Take();
        if (Peek.Kind != JqTokenKind.String)
        {
            throw new JqException(
                $"'{Describe(open)}' at position {open.Position} with anything but a quoted key (iteration, array index, slice) is not supported by the emulator's jq subset");
        }

        var key = Take().Text;
        if (!TakeSymbol("]"))
        {
            throw Unsupported(Peek);
        }

        return new IndexNode(target, key);
    }

    private JqNode ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case JqTokenKind.Field:
                return new IdentityNode();
            case JqTokenKind.Dot:
                _next++;
                return Peek is { Kind: JqTokenKind.Symbol, Text: "[" } ? ParseBracket(new IdentityNode()) : new IdentityNode();
            case JqTokenKind.String:
                _next++;
                return new LiteralNode(JsonValue.Create(token.Text));
            case JqTokenKind.Number:
                _next++;
                return new LiteralNode(JsonValue.Create(double.Parse(token.Text, CultureInfo.InvariantCulture)));
            case JqTokenKind.Symbol when token.Text == "-" && _tokens[_next + 1].Kind == JqTokenKind.Number:
                // A negative number literal; subtraction stays outside the subset.
                _next += 2;
                return new LiteralNode(JsonValue.Create(-double.Parse(_tokens[_next - 1].Text, CultureInfo.InvariantCulture)));
            case JqTokenKind.Keyword when token.Text is "true" or "false":
                _next++;
                return new LiteralNode(JsonValue.Create(token.Text == "true"));
            case JqTokenKind.Keyword when token.Text == "null":
                _next++;
                return new LiteralNode(null);
            case JqTokenKind.Keyword when token.Text == "not":
                _next++;
                return new NotNode();
            case JqTokenKind.Symbol when token.Text == "(":
                _next++;
                var inner = ParsePipe();
                if (!TakeSymbol(")"))
                {
                    throw Peek.Kind == JqTokenKind.End ? new JqException("missing ')' in jq expression") : Unsupported(Peek);
                }

                return inner;
            default:
                throw Unsupported(token);
        }
    }

    private JqException Unsupported(JqToken token) => token.Kind switch
    {
        JqTokenKind.End => new JqException($"jq expression '{_source}' ends unexpectedly"),
        JqTokenKind.Keyword => new JqException(
            $"'{token.Text}' at position {token.Position} is not supported by the emulator's jq subset (supported: paths, literals, ==, !=, and, or, not, |, parentheses)"),
        _ => new JqException(
            $"'{Describe(token)}' at position {token.Position} is not supported by the emulator's jq subset (supported: paths, literals, ==, !=, and, or, not, |, parentheses)"),
    };

    private static string Describe(JqToken token) => token.Kind switch
    {
        JqTokenKind.String => $"\"{token.Text}\"",
        JqTokenKind.Field => "." + token.Text,
        _ => token.Text,
    };
}
