using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>
/// A node of a parsed expression of the subset. Like jq, a node produces a stream of values (zero, one
/// or many: <c>.[]</c> makes many); <see cref="JqExpression.Evaluate"/> asks for exactly one at the top.
/// Values are yielded as they are found in the input; whoever puts one into a new container clones it
/// (a <see cref="JsonNode"/> has a single parent).
/// </summary>
internal abstract record JqNode
{
    public abstract IEnumerable<JsonNode?> Run(JsonNode? input);
}

internal sealed record IdentityNode : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => [input];
}

internal sealed record IndexNode(JqNode Target, string Key) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => Target.Run(input).Select(value => value switch
    {
        null => null,
        JsonObject obj => obj[Key],
        var other => throw new JqException($"cannot index {JsonValues.TypeName(other)} with \"{Key}\""),
    });
}

/// <summary><c>.[n]</c>: a negative index counts from the end; out of range is null, as in jq.</summary>
internal sealed record ArrayIndexNode(JqNode Target, int Index) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => Target.Run(input).Select(value => value switch
    {
        null => null,
        JsonArray array => (Index < 0 ? array.Count + Index : Index) is var i && i >= 0 && i < array.Count ? array[i] : null,
        var other => throw new JqException($"cannot index {JsonValues.TypeName(other)} with number"),
    });
}

/// <summary><c>.[]</c>: every element of an array or every value of an object.</summary>
internal sealed record IterateNode(JqNode Target) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => Target.Run(input).SelectMany(value => value switch
    {
        JsonArray array => array.ToList(),
        JsonObject obj => obj.Select(pair => pair.Value).ToList(),
        var other => throw new JqException($"cannot iterate over {JsonValues.TypeName(other)}"),
    });
}

/// <summary><c>f?</c>: the values <c>f</c> produced before its first error, then nothing.</summary>
internal sealed record TryNode(JqNode Body) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
    {
        var values = new List<JsonNode?>();
        try
        {
            values.AddRange(Body.Run(input));
        }
        catch (JqException)
        {
            // jq's `?` suppresses the error and ends the stream there.
        }

        return values;
    }
}

internal sealed record LiteralNode(JsonNode? Value) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => [Value?.DeepClone()];
}

/// <summary><c>[f]</c>: one array of everything <c>f</c> produces (<c>[]</c> when there is no <c>f</c>).</summary>
internal sealed record CollectNode(JqNode? Body) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
        => [new JsonArray([.. (Body?.Run(input) ?? []).Select(value => value?.DeepClone())])];
}

internal sealed record PipeNode(JqNode Left, JqNode Right) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => Left.Run(input).SelectMany(Right.Run);
}

internal sealed record NotNode : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => [JsonValue.Create(!JsonValues.IsTruthy(input))];
}

/// <summary>
/// <c>a == b</c> and <c>a != b</c> over every pair of values; like jq, the right side is the outer loop.
/// </summary>
internal sealed record EqualityNode(JqNode Left, JqNode Right, bool Negated) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
        => Right.Run(input).SelectMany(right => Left.Run(input).Select(left => (JsonNode?)JsonValue.Create(JsonValues.AreEqual(left, right) != Negated)));
}

/// <summary><c>a and b</c>: <c>b</c> is evaluated only for the values of <c>a</c> that are true, as in jq.</summary>
internal sealed record AndNode(JqNode Left, JqNode Right) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => Left.Run(input).SelectMany(left => JsonValues.IsTruthy(left)
        ? Right.Run(input).Select(right => (JsonNode?)JsonValue.Create(JsonValues.IsTruthy(right)))
        : [JsonValue.Create(false)]);
}

/// <summary><c>a or b</c>: <c>b</c> is evaluated only for the values of <c>a</c> that are false, as in jq.</summary>
internal sealed record OrNode(JqNode Left, JqNode Right) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => Left.Run(input).SelectMany(left => JsonValues.IsTruthy(left)
        ? [JsonValue.Create(true)]
        : Right.Run(input).Select(right => (JsonNode?)JsonValue.Create(JsonValues.IsTruthy(right))));
}

/// <summary>
/// <c>a // b</c>: the values of <c>a</c> that are neither false nor null (errors in <c>a</c> count as no
/// value, as in jq), or else the values of <c>b</c>.
/// </summary>
internal sealed record AlternativeNode(JqNode Left, JqNode Right) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
    {
        var kept = new TryNode(Left).Run(input).Where(JsonValues.IsTruthy).ToList();
        return kept.Count > 0 ? kept : Right.Run(input);
    }
}

/// <summary><c>if c then a elif … else b end</c> (<c>elif</c> parsed as a nested if; no <c>else</c> means <c>.</c>).</summary>
internal sealed record IfNode(JqNode Condition, JqNode Then, JqNode Else) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
        => Condition.Run(input).SelectMany(condition => JsonValues.IsTruthy(condition) ? Then.Run(input) : Else.Run(input));
}

/// <summary>
/// <c>a - b</c>: numbers subtract; for arrays, the elements of <c>a</c> equal to none in <c>b</c>, as in jq.
/// </summary>
internal sealed record SubtractNode(JqNode Left, JqNode Right) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
        => Right.Run(input).SelectMany(right => Left.Run(input).Select(left => Subtract(left, right)));

    private static JsonNode? Subtract(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (JsonArray a, JsonArray b) => new JsonArray([.. a.Where(item => !b.Any(other => JsonValues.AreEqual(item, other))).Select(item => item?.DeepClone())]),
        (JsonValue a, JsonValue b) when JsonValues.TypeName(a) == "number" && JsonValues.TypeName(b) == "number"
            => JsonValue.Create(JsonValues.Number(a) - JsonValues.Number(b)),
        _ => throw new JqException($"{JsonValues.TypeName(left)} and {JsonValues.TypeName(right)} cannot be subtracted"),
    };
}

/// <summary>
/// <c>a + b</c> as jq's manual defines addition: numbers add, strings and arrays concatenate, objects merge
/// (the right one's keys win), and <c>null</c> added to anything gives that thing.
/// </summary>
internal sealed record AddNode(JqNode Left, JqNode Right) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
        => Right.Run(input).SelectMany(right => Left.Run(input).Select(left => Add(left, right)));

    private static JsonNode? Add(JsonNode? left, JsonNode? right)
    {
        if (left is null)
        {
            return right?.DeepClone();
        }

        if (right is null)
        {
            return left.DeepClone();
        }

        return (JsonValues.TypeName(left), JsonValues.TypeName(right)) switch
        {
            ("number", "number") => JsonValue.Create(JsonValues.Number((JsonValue)left) + JsonValues.Number((JsonValue)right)),
            ("string", "string") => JsonValue.Create(left.GetValue<string>() + right.GetValue<string>()),
            ("array", "array") => new JsonArray([.. ((JsonArray)left).Concat((JsonArray)right).Select(item => item?.DeepClone())]),
            ("object", "object") => Merge((JsonObject)left, (JsonObject)right),
            var (a, b) => throw new JqException($"{a} and {b} cannot be added"),
        };
    }

    private static JsonObject Merge(JsonObject left, JsonObject right)
    {
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}

/// <summary>
/// <c>any</c>, <c>any(f)</c>, <c>all</c>, <c>all(f)</c> on an array or object: whether <c>f</c> is true for
/// some (every) element, as jq's <c>any(.[]; f)</c> and <c>all(.[]; f)</c>.
/// </summary>
internal sealed record QuantifierNode(JqNode Condition, bool Every) : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input)
    {
        var outcomes = new IterateNode(new IdentityNode()).Run(input).SelectMany(Condition.Run).Select(JsonValues.IsTruthy);
        return [JsonValue.Create(Every ? outcomes.All(o => o) : outcomes.Any(o => o))];
    }
}

/// <summary>
/// <c>todate</c>: Unix seconds to ISO 8601 in UTC, whole seconds, as jq prints them
/// (<c>1425599507 | todate</c> is <c>"2015-03-05T23:51:47Z"</c>); anything but a number is an error.
/// </summary>
internal sealed record ToDateNode : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => [input switch
    {
        JsonValue v when JsonValues.TypeName(v) == "number" && double.IsFinite(JsonValues.Number(v)) && Math.Abs(JsonValues.Number(v)) < 253402300800 =>
            JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(JsonValues.Number(v))).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        var other => throw new JqException($"todate needs a number of seconds, not {JsonValues.TypeName(other)} ({other?.ToJsonString() ?? "null"})"),
    }];
}

/// <summary><c>ascii_downcase</c>: a string with A-Z made lower-case, as jq does (other letters unchanged); anything else is an error.</summary>
internal sealed record AsciiDowncaseNode : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => [input switch
    {
        JsonValue v when JsonValues.TypeName(v) == "string" => JsonValue.Create(string.Concat(v.GetValue<string>().Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c))),
        var other => throw new JqException($"{JsonValues.TypeName(other)} ({other?.ToJsonString() ?? "null"}) cannot be ascii_downcased, as it is not a string"),
    }];
}

/// <summary><c>length</c>: of a string (code points), array, object; a number's absolute value; null is 0.</summary>
internal sealed record LengthNode : JqNode
{
    public override IEnumerable<JsonNode?> Run(JsonNode? input) => [input switch
    {
        null => JsonValue.Create(0),
        JsonArray array => JsonValue.Create(array.Count),
        JsonObject obj => JsonValue.Create(obj.Count),
        JsonValue v when JsonValues.TypeName(v) == "string" => JsonValue.Create(v.GetValue<string>().EnumerateRunes().Count()),
        JsonValue v when JsonValues.TypeName(v) == "number" => JsonValue.Create(Math.Abs(JsonValues.Number(v))),
        var other => throw new JqException($"{JsonValues.TypeName(other)} ({other.ToJsonString()}) has no length"),
    }];
}
