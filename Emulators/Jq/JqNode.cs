using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>A node of a parsed expression of the subset; each produces exactly one value.</summary>
internal abstract record JqNode
{
    public abstract JsonNode? Evaluate(JsonNode? input);
}

internal sealed record IdentityNode : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input) => input;
}

internal sealed record IndexNode(JqNode Target, string Key) : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input) => Target.Evaluate(input) switch
    {
        null => null,
        JsonObject obj => obj[Key],
        var other => throw new JqException($"cannot index {JsonValues.TypeName(other)} with \"{Key}\""),
    };
}

internal sealed record LiteralNode(JsonNode? Value) : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input) => Value?.DeepClone();
}

internal sealed record PipeNode(JqNode Left, JqNode Right) : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input) => Right.Evaluate(Left.Evaluate(input));
}

internal sealed record NotNode : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input) => JsonValue.Create(!JsonValues.IsTruthy(input));
}

internal sealed record EqualityNode(JqNode Left, JqNode Right, bool Negated) : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input)
        => JsonValue.Create(JsonValues.AreEqual(Left.Evaluate(input), Right.Evaluate(input)) != Negated);
}

internal sealed record AndNode(JqNode Left, JqNode Right) : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input)
        => JsonValue.Create(JsonValues.IsTruthy(Left.Evaluate(input)) && JsonValues.IsTruthy(Right.Evaluate(input)));
}

internal sealed record OrNode(JqNode Left, JqNode Right) : JqNode
{
    public override JsonNode? Evaluate(JsonNode? input)
        => JsonValue.Create(JsonValues.IsTruthy(Left.Evaluate(input)) || JsonValues.IsTruthy(Right.Evaluate(input)));
}
