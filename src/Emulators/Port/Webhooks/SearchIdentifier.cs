using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Webhooks;

/// <summary>
/// A mapping identifier given as a search query ("map by property"): <c>{combinator, rules:[{property,
/// operator, value}]}</c>. <c>value</c> is jq over the event; <c>combinator</c>, <c>property</c> and
/// <c>operator</c> are constants, written as jq string literals (<c>"\"and\""</c>, as Ocean mappings write
/// them), single-quoted (<c>"'and'"</c>, as Port's webhook docs write them: see <see cref="JqSyntax.PortMapping"/>)
/// or bare (<c>"and"</c>). Port documents only <c>=</c> and <c>in</c> for such queries, and
/// that a query matching no entity creates none; the emulator refuses any other operator.
/// </summary>
internal sealed record SearchIdentifier(string Combinator, IReadOnlyList<SearchIdentifier.Rule> Rules)
{
    public sealed record Rule(string Property, string Operator, JqExpression Value);

    public static SearchIdentifier Parse(JsonObject query, string path)
    {
        JsonChecks.AllowOnly(query, path, "combinator", "rules");
        JsonChecks.Require(query, path, "combinator", "rules");
        var combinator = Constant(JsonChecks.String(query, "combinator", path), $"{path}/combinator");
        if (combinator is not ("and" or "or"))
        {
            throw PortApiError.Invalid($"{path}/combinator must be 'and' or 'or', got '{combinator}'");
        }

        var rules = JsonChecks.OptionalArray(query, "rules", path)!;
        if (rules.Count == 0)
        {
            throw PortApiError.Invalid($"{path}/rules must have at least one rule");
        }

        var parsed = new List<Rule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}/rules/{i}";
            var rule = JsonChecks.Object(rules[i], rulePath);
            JsonChecks.Require(rule, rulePath, "property", "operator", "value");
            var property = Constant(JsonChecks.String(rule, "property", rulePath), $"{rulePath}/property");
            var op = Constant(JsonChecks.String(rule, "operator", rulePath), $"{rulePath}/operator");
            if (op is not ("=" or "in"))
            {
                throw PortApiError.Invalid($"{rulePath}/operator '{op}' is not supported in a mapping's search identifier (only '=' and 'in')");
            }

            var value = JsonChecks.String(rule, "value", rulePath);
            parsed.Add(new Rule(property, op, WebhookValidator.ParseJq(value, $"{rulePath}/value")));
        }

        return new SearchIdentifier(combinator, parsed);
    }

    /// <summary>The search query for this event, ready for <see cref="Entities.EntityQuery"/>.</summary>
    public JsonObject Render(JsonNode context) => new()
    {
        ["combinator"] = Combinator,
        ["rules"] = new JsonArray([.. Rules.Select(r => (JsonNode)new JsonObject
        {
            ["property"] = r.Property,
            ["operator"] = r.Operator,
            ["value"] = r.Value.Evaluate(context)?.DeepClone(),
        })]),
    };

    /// <summary>A jq string literal evaluates to its text; anything jq cannot parse is taken as written.</summary>
    private static string Constant(string text, string path)
    {
        JqExpression expression;
        try
        {
            expression = JqExpression.Parse(text, JqSyntax.PortMapping);
        }
        catch (JqException)
        {
            return text;
        }

        JsonNode? value;
        try
        {
            value = expression.Evaluate(null);
        }
        catch (JqException)
        {
            value = null;
        }

        return value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw PortApiError.Invalid($"{path} must be a constant string, got the jq expression '{text}'");
    }
}
