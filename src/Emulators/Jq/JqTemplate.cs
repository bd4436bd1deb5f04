using System.Text;
using System.Text.Json.Nodes;

namespace Emulators.Jq;

/// <summary>
/// Renders Port's <c>{{ expr }}</c> templates inside a JSON value. A string that is exactly one
/// template takes the result's JSON type; otherwise each template is interpolated as text.
/// </summary>
public static class JqTemplate
{
    private const string Open = "{{";
    private const string Close = "}}";

    /// <exception cref="JqException">A template is malformed, outside the subset, or fails to evaluate.</exception>
    public static JsonNode? Render(JsonNode? template, JsonNode? context) => template switch
    {
        JsonObject obj => RenderObject(obj, context),
        JsonArray array => new JsonArray([.. array.Select(item => Render(item, context))]),
        JsonValue value when value.TryGetValue<string>(out var text) => RenderString(text, context),
        _ => template?.DeepClone(),
    };

    /// <summary>Renders a string that must stay a string (URLs, header values).</summary>
    public static string RenderText(string template, JsonNode? context) => Render(JsonValue.Create(template), context) switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    private static JsonObject RenderObject(JsonObject obj, JsonNode? context)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            result[key] = Render(value, context);
        }

        return result;
    }

    private static JsonNode? RenderString(string text, JsonNode? context)
    {
        var start = text.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0)
        {
            return JsonValue.Create(text);
        }

        if (start == 0 && text.EndsWith(Close, StringComparison.Ordinal)
            && text.IndexOf(Open, Open.Length, StringComparison.Ordinal) < 0
            && text.IndexOf(Close, StringComparison.Ordinal) == text.Length - Close.Length)
        {
            return Evaluate(text[Open.Length..^Close.Length], context);
        }

        var builder = new StringBuilder();
        var position = 0;
        while (start >= 0)
        {
            var end = text.IndexOf(Close, start + Open.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new JqException($"template '{text}' has '{{{{' without a closing '}}}}'");
            }

            builder.Append(text, position, start - position);
            builder.Append(AsText(Evaluate(text[(start + Open.Length)..end], context)));
            position = end + Close.Length;
            start = text.IndexOf(Open, position, StringComparison.Ordinal);
        }

        builder.Append(text, position, text.Length - position);
        return JsonValue.Create(builder.ToString());
    }

    private static JsonNode? Evaluate(string expression, JsonNode? context)
    {
        try
        {
            return JqExpression.Parse(expression.Trim()).Evaluate(context)?.DeepClone();
        }
        catch (JqException e)
        {
            throw new JqException($"template '{{{{{expression}}}}}': {e.Message}");
        }
    }

    private static string AsText(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
