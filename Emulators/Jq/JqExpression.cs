using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>A parsed expression of the supported jq subset. Parsing rejects anything outside it.</summary>
public sealed class JqExpression
{
    private readonly JqNode _root;

    private JqExpression(string source, JqNode root)
    {
        Source = source;
        _root = root;
    }

    public string Source { get; }

    /// <exception cref="JqException">The expression is malformed or uses something outside the subset.</exception>
    public static JqExpression Parse(string source) => new(source, JqParser.Parse(source));

    /// <exception cref="JqException">A jq run-time error (for example indexing a string).</exception>
    public JsonNode? Evaluate(JsonNode? input) => _root.Evaluate(input);

    public override string ToString() => Source;
}
