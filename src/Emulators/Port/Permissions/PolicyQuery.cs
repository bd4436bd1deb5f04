using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Http;

namespace Emulators.Port.Permissions;

/// <summary>
/// One query of a permission policy (<c>{combinator, rules}</c>, nested groups allowed) compiled to a
/// predicate over entities. Rule values are <c>{{ jq }}</c> templates over the policy context, rendered
/// once here. Only what the emulator can evaluate faithfully is accepted: the properties
/// <c>$blueprint</c>, <c>$identifier</c>, <c>$title</c>, <c>$team</c> and plain property names, and the
/// operators <c>=</c>, <c>!=</c>, <c>in</c>, <c>containsAny</c>; anything else is a <see cref="PolicyRefusal"/>.
/// </summary>
internal sealed class PolicyQuery
{
    private static readonly string[] MetaProperties = ["$blueprint", "$identifier", "$title", "$team"];

    private readonly Func<JsonObject, bool> _matches;

    private PolicyQuery(Func<JsonObject, bool> matches, IReadOnlySet<string>? blueprints)
    {
        _matches = matches;
        Blueprints = blueprints;
    }

    /// <summary>The blueprints a top-level <c>and</c> limits the query to (null: every blueprint), so a run does not scan the whole catalog.</summary>
    public IReadOnlySet<string>? Blueprints { get; }

    /// <summary>Whether a stored entity (meta fields, <c>properties</c>) matches.</summary>
    /// <exception cref="PortApiError">A rule meets a value it cannot compare faithfully (422).</exception>
    public bool Matches(JsonObject entity) => _matches(entity);

    /// <exception cref="PortApiError">The query has a part the emulator cannot evaluate (422).</exception>
    public static PolicyQuery Compile(JsonNode? node, JsonNode context, string path)
    {
        var (matches, rules) = Group(node, context, path);
        return new PolicyQuery(matches, Scope(rules));
    }

    /// <summary>The group's predicate, and its leaf rules when it is an <c>and</c> (what <see cref="Scope"/> reads).</summary>
    private static (Func<JsonObject, bool> Matches, IReadOnlyList<Rule?> Leaves) Group(JsonNode? node, JsonNode context, string path)
    {
        if (node is not JsonObject group || group.Any(p => p.Key is not ("combinator" or "rules")))
        {
            throw PolicyRefusal.At(path, "a query must be exactly {combinator, rules}");
        }

        var isAnd = group["combinator"]?.GetValueKind() == JsonValueKind.String && group["combinator"]!.GetValue<string>() == "and";
        if (!isAnd && !(group["combinator"]?.GetValueKind() == JsonValueKind.String && group["combinator"]!.GetValue<string>() == "or"))
        {
            throw PolicyRefusal.At($"{path}/combinator", "must be 'and' or 'or'");
        }

        if (group["rules"] is not JsonArray rules)
        {
            throw PolicyRefusal.At($"{path}/rules", "must be an array");
        }

        var compiled = new List<Func<JsonObject, bool>>();
        var leaves = new List<Rule?>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}/rules/{i}";
            if (rules[i] is JsonObject nested && nested.ContainsKey("combinator"))
            {
                compiled.Add(Group(nested, context, rulePath).Matches);
                leaves.Add(null);
                continue;
            }

            var rule = Rule.Compile(rules[i], context, rulePath);
            compiled.Add(rule.Matches);
            leaves.Add(rule);
        }

        Func<JsonObject, bool> matches = isAnd
            ? entity => compiled.All(rule => rule(entity))
            : entity => compiled.Any(rule => rule(entity));
        return (matches, isAnd ? leaves : []);
    }

    private static IReadOnlySet<string>? Scope(IReadOnlyList<Rule?> topLevelAndRules)
    {
        foreach (var rule in topLevelAndRules)
        {
            if (rule is { Property: "$blueprint", Operator: "=" } && rule.Value?.GetValueKind() == JsonValueKind.String)
            {
                return new HashSet<string>([rule.Value.GetValue<string>()], StringComparer.Ordinal);
            }

            if (rule is { Property: "$blueprint", Operator: "in" } && rule.Value is JsonArray values)
            {
                return values.Where(v => v?.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            }
        }

        return null;
    }

    private sealed record Rule(string Property, string Operator, JsonNode? Value, string Path)
    {
        public static Rule Compile(JsonNode? node, JsonNode context, string path)
        {
            if (node is not JsonObject rule || rule.Any(p => p.Key is not ("property" or "operator" or "value")))
            {
                throw PolicyRefusal.At(path, "the emulator knows rules of the form {property, operator, value} and nested {combinator, rules} only");
            }

            if (rule["property"]?.GetValueKind() != JsonValueKind.String)
            {
                throw PolicyRefusal.At($"{path}/property", "only a property name is supported (not a {property, context} object)");
            }

            var property = rule["property"]!.GetValue<string>();
            if (property.StartsWith('$') && !MetaProperties.Contains(property, StringComparer.Ordinal))
            {
                throw PolicyRefusal.At($"{path}/property", $"'{property}' is not supported (supported: {string.Join(", ", MetaProperties)} and property names)");
            }

            var op = rule["operator"]?.GetValueKind() == JsonValueKind.String ? rule["operator"]!.GetValue<string>() : null;
            if (op is not ("=" or "!=" or "in" or "containsAny"))
            {
                throw PolicyRefusal.At($"{path}/operator", $"'{op}' is not supported (supported: =, !=, in, containsAny)");
            }

            if (!rule.ContainsKey("value"))
            {
                throw PolicyRefusal.At(path, "the rule has no 'value'");
            }

            JsonNode? value;
            try
            {
                value = JqTemplate.Render(rule["value"], context);
            }
            catch (JqException e)
            {
                throw PolicyRefusal.At($"{path}/value", e.Message);
            }

            var isList = op is "in" or "containsAny";
            if (isList && (value is not JsonArray items || items.Any(item => item is JsonObject or JsonArray)))
            {
                throw PolicyRefusal.At($"{path}/value", $"operator '{op}' needs an array of plain values, got {JsonValues.TypeName(value)}");
            }

            if (!isList && value is JsonObject or JsonArray)
            {
                throw PolicyRefusal.At($"{path}/value", $"operator '{op}' needs a plain value, got {JsonValues.TypeName(value)}");
            }

            return new Rule(property, op, value, path);
        }

        /// <summary>
        /// <c>=</c>, <c>!=</c> and <c>in</c> compare a plain field; <c>containsAny</c> an array field (a
        /// missing one matches nothing). A field of the other kind is refused rather than compared loosely.
        /// </summary>
        public bool Matches(JsonObject entity)
        {
            var field = Property switch
            {
                "$blueprint" or "$identifier" or "$title" or "$team" => entity[Property[1..]],
                _ => entity["properties"]?[Property],
            };
            if (Operator == "containsAny")
            {
                return field switch
                {
                    null => false,
                    JsonArray array => array.Any(item => ((JsonArray)Value!).Any(option => JsonValues.AreEqual(item, option))),
                    _ => throw PolicyRefusal.At(Path, $"'{Property}' of entity '{entity["identifier"]}' is {JsonValues.TypeName(field)}, and containsAny compares arrays"),
                };
            }

            if (field is JsonArray or JsonObject)
            {
                throw PolicyRefusal.At(Path, $"'{Property}' of entity '{entity["identifier"]}' is {JsonValues.TypeName(field)}; operator '{Operator}' compares plain values (use containsAny for arrays)");
            }

            return Operator switch
            {
                "=" => JsonValues.AreEqual(field, Value),
                "!=" => !JsonValues.AreEqual(field, Value),
                _ => ((JsonArray)Value!).Any(option => JsonValues.AreEqual(field, option)),
            };
        }
    }
}
