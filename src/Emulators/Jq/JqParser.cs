using System.Globalization;
using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>
/// Recursive-descent parser for the subset: paths (<c>.a.b</c>, <c>.a["k"]</c>, <c>.[0]</c>, <c>.[]</c>,
/// <c>?</c>, <c>.</c>), literals, array construction <c>[f]</c>, <c>==</c>, <c>!=</c>, <c>-</c>, <c>and</c>,
/// <c>or</c>, <c>not</c>, <c>//</c>, <c>if</c>, <c>any</c>, <c>all</c>, <c>length</c>, <c>todate</c>, <c>ascii_downcase</c>, pipes and parentheses.
/// Precedence follows jq: <c>|</c> &lt; <c>//</c> &lt; <c>or</c> &lt; <c>and</c> &lt; comparison &lt;
/// <c>-</c> &lt; postfix.
/// </summary>
internal sealed class JqParser
{
    private const string Supported = "paths, .[n], .[], ?, [ ... ], literals, ==, !=, +, -, and, or, not, //, if-then-elif-else-end, any, all, length, |, parentheses";

    private readonly string _source;
    private readonly List<JqToken> _tokens;
    private int _next;

    private JqParser(string source, JqSyntax syntax)
    {
        _source = source;
        _tokens = JqLexer.Tokenize(source, syntax);
    }

    public static JqNode Parse(string source, JqSyntax syntax = JqSyntax.Standard)
    {
        var parser = new JqParser(source, syntax);
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
        var left = ParseAlternative();
        while (TakeSymbol("|"))
        {
            left = new PipeNode(left, ParseAlternative());
        }

        return left;
    }

    /// <summary><c>//</c> binds looser than <c>or</c> and associates to the right, as in jq.</summary>
    private JqNode ParseAlternative()
    {
        var left = ParseOr();
        return TakeSymbol("//") ? new AlternativeNode(left, ParseAlternative()) : left;
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
        var left = ParseAdditive();
        if (TakeSymbol("=="))
        {
            return new EqualityNode(left, ParseAdditive(), Negated: false);
        }

        if (TakeSymbol("!="))
        {
            return new EqualityNode(left, ParseAdditive(), Negated: true);
        }

        return left;
    }

    /// <summary><c>+</c> and <c>-</c>, left to right at one precedence, as in jq.</summary>
    private JqNode ParseAdditive()
    {
        var left = ParsePostfix();
        while (true)
        {
            if (TakeSymbol("-"))
            {
                left = new SubtractNode(left, ParsePostfix());
            }
            else if (TakeSymbol("+"))
            {
                left = new AddNode(left, ParsePostfix());
            }
            else
            {
                return left;
            }
        }
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
            else if (TakeSymbol("?"))
            {
                node = new TryNode(node);
            }
            else
            {
                return node;
            }
        }
    }

    /// <summary><c>[]</c> (iterate), <c>["key"]</c> and <c>[n]</c>; slices and computed indexes are refused.</summary>
    private JqNode ParseBracket(JqNode target)
    {
        var open = Take();
        if (TakeSymbol("]"))
        {
            return new IterateNode(target);
        }

        JqNode node;
        if (Peek.Kind == JqTokenKind.String)
        {
            node = new IndexNode(target, Take().Text);
        }
        else if (ArrayIndex() is { } index)
        {
            node = new ArrayIndexNode(target, index);
        }
        else
        {
            throw new JqException(
                $"'{Describe(open)}' at position {open.Position} with anything but a quoted key, a whole number or nothing (slices, computed indexes) is not supported by the emulator's jq subset");
        }

        if (!TakeSymbol("]"))
        {
            throw Peek is { Kind: JqTokenKind.Symbol, Text: ":" }
                ? new JqException($"slice ':' at position {Peek.Position} is not supported by the emulator's jq subset")
                : Unsupported(Peek);
        }

        return node;
    }

    private int? ArrayIndex()
    {
        var negative = Peek is { Kind: JqTokenKind.Symbol, Text: "-" } && _tokens[_next + 1].Kind == JqTokenKind.Number;
        var number = _tokens[_next + (negative ? 1 : 0)];
        if (number.Kind != JqTokenKind.Number || !int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        _next += negative ? 2 : 1;
        return negative ? -index : index;
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
                // A negative number literal where a value starts; "a - 1" is parsed as subtraction.
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
            case JqTokenKind.Keyword when token.Text == "length":
                _next++;
                return new LengthNode();
            case JqTokenKind.Keyword when token.Text == "ascii_downcase":
                _next++;
                return new AsciiDowncaseNode();
            case JqTokenKind.Keyword when token.Text == "todate":
                _next++;
                return new ToDateNode();
            case JqTokenKind.Keyword when token.Text is "any" or "all":
                _next++;
                return new QuantifierNode(TakeSymbol("(") ? ParseSingleArgument(token) : new IdentityNode(), Every: token.Text == "all");
            case JqTokenKind.Keyword when token.Text == "if":
                _next++;
                return ParseIf();
            case JqTokenKind.Symbol when token.Text == "[":
                _next++;
                if (TakeSymbol("]"))
                {
                    return new CollectNode(null);
                }

                var body = ParsePipe();
                Expect("]");
                return new CollectNode(body);
            case JqTokenKind.Symbol when token.Text == "(":
                _next++;
                var inner = ParsePipe();
                Expect(")");
                return inner;
            default:
                throw Unsupported(token);
        }
    }

    /// <summary>The one argument of <c>any(f)</c> / <c>all(f)</c>; the two-argument forms are refused.</summary>
    private JqNode ParseSingleArgument(JqToken function)
    {
        var argument = ParsePipe();
        if (Peek is { Kind: JqTokenKind.Symbol, Text: ";" })
        {
            throw new JqException($"'{function.Text}' with more than one argument at position {function.Position} is not supported by the emulator's jq subset (only {function.Text} and {function.Text}(f))");
        }

        Expect(")");
        return argument;
    }

    /// <summary>After <c>if</c>: <c>c then a (elif c then a)* (else b)? end</c>.</summary>
    private JqNode ParseIf()
    {
        var condition = ParsePipe();
        ExpectKeyword("then");
        var then = ParsePipe();
        if (TakeKeyword("elif"))
        {
            return new IfNode(condition, then, ParseIf());
        }

        var otherwise = TakeKeyword("else") ? ParsePipe() : new IdentityNode();
        ExpectKeyword("end");
        return new IfNode(condition, then, otherwise);
    }

    private void Expect(string symbol)
    {
        if (!TakeSymbol(symbol))
        {
            throw Peek.Kind == JqTokenKind.End ? new JqException($"missing '{symbol}' in jq expression '{_source}'") : Unsupported(Peek);
        }
    }

    private void ExpectKeyword(string keyword)
    {
        if (!TakeKeyword(keyword))
        {
            throw Peek.Kind == JqTokenKind.End ? new JqException($"missing '{keyword}' in jq expression '{_source}'") : Unsupported(Peek);
        }
    }

    private JqException Unsupported(JqToken token) => token.Kind switch
    {
        JqTokenKind.End => new JqException($"jq expression '{_source}' ends unexpectedly"),
        JqTokenKind.Keyword => new JqException(
            $"'{token.Text}' at position {token.Position} is not supported by the emulator's jq subset (supported: {Supported})"),
        _ => new JqException(
            $"'{Describe(token)}' at position {token.Position} is not supported by the emulator's jq subset (supported: {Supported})"),
    };

    private static string Describe(JqToken token) => token.Kind switch
    {
        JqTokenKind.String => $"\"{token.Text}\"",
        JqTokenKind.Field => "." + token.Text,
        _ => token.Text,
    };
}
