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
    public static JqExpression Parse(string source) => new(source, JqParser.Parse(source, JqSyntax.Standard));

    /// <summary>An expression in the given spelling (<see cref="JqSyntax.PortMapping"/> for webhook mappings).</summary>
    /// <exception cref="JqException">The expression is malformed or uses something outside the subset.</exception>
    public static JqExpression Parse(string source, JqSyntax syntax) => new(source, JqParser.Parse(source, syntax));

    /// <summary>
    /// The expression's one value. Every place Port evaluates jq (conditions, templates, mappings) wants a
    /// single value, so an expression that yields none or several (<c>.items[]</c>) is an error here rather
    /// than a silent pick of the first.
    /// </summary>
    /// <exception cref="JqException">A jq run-time error (for example indexing a string), or not exactly one value.</exception>
    public JsonNode? Evaluate(JsonNode? input)
    {
        var values = EvaluateAll(input);
        return values.Count == 1
            ? values[0]
            : throw new JqException($"'{Source}' produced {values.Count} values where the emulator needs exactly one (wrap a stream in [ ... ] to collect it)");
    }

    /// <summary>Every value the expression produces, in jq's order.</summary>
    /// <exception cref="JqException">A jq run-time error.</exception>
    public IReadOnlyList<JsonNode?> EvaluateAll(JsonNode? input) => [.. _root.Run(input)];

    public override string ToString() => Source;
}
