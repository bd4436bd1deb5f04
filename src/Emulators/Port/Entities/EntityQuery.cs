using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Entities;

/// <summary>
/// Port's search query (<c>{combinator, rules}</c>, nested groups) compiled to a predicate over stored
/// entities. Operators outside the supported set are rejected by name rather than matched loosely.
/// </summary>
internal static class EntityQuery
{
    /// <param name="time">The clock date presets (<c>lastMonth</c>...) count back from; the system clock when null.</param>
    public static Func<JsonObject, bool> Compile(JsonNode? query, string path = "body/query", TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        return Compile(query, path, now);
    }

    private static Func<JsonObject, bool> Compile(JsonNode? query, string path, DateTimeOffset now)
    {
        if (query is null)
        {
            return _ => true;
        }

        var group = JsonChecks.Object(query, path);
        JsonChecks.Require(group, path, "combinator", "rules");
        JsonChecks.OneOf(group, "combinator", path, "and", "or");
        var isAnd = group["combinator"]!.GetValue<string>() == "and";
        var rules = JsonChecks.OptionalArray(group, "rules", path)!
            .Select((rule, i) => CompileRule(rule, $"{path}/rules/{i}", now))
            .ToArray();
        return isAnd
            ? entity => rules.All(rule => rule(entity))
            : entity => rules.Any(rule => rule(entity));
    }

    /// <summary>The blueprints a top-level <c>and</c> restricts the search to, so global search skips the rest.</summary>
    public static IReadOnlySet<string>? BlueprintScope(JsonObject query)
    {
        if (query["combinator"]?.GetValue<string>() != "and" || query["rules"] is not JsonArray rules)
        {
            return null;
        }

        foreach (var rule in rules.OfType<JsonObject>())
        {
            if (rule["property"]?.GetValueKind() != JsonValueKind.String || rule["property"]!.GetValue<string>() != "$blueprint")
            {
                continue;
            }

            var op = rule["operator"]?.GetValue<string>();
            if (op == "=" && rule["value"]?.GetValueKind() == JsonValueKind.String)
            {
                return new HashSet<string>([rule["value"]!.GetValue<string>()], StringComparer.Ordinal);
            }

            if (op == "in" && rule["value"] is JsonArray values)
            {
                return values.Where(v => v?.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            }
        }

        return null;
    }

    private static Func<JsonObject, bool> CompileRule(JsonNode? node, string path, DateTimeOffset now)
    {
        var rule = JsonChecks.Object(node, path);
        if (rule.ContainsKey("combinator"))
        {
            return Compile(rule, path, now);
        }

        var property = JsonChecks.String(rule, "property", path);
        var op = JsonChecks.String(rule, "operator", path);
        var expected = rule["value"];
        Func<JsonObject, JsonNode?> read = entity => Read(entity, property);
        return op switch
        {
            "=" => entity => JsonValues.AreEqual(read(entity), expected),
            "!=" => entity => !JsonValues.AreEqual(read(entity), expected),
            "in" => InList(read, expected, path, negate: false),
            "notIn" => InList(read, expected, path, negate: true),
            "contains" => Text(read, expected, path, (a, b) => a.Contains(b, StringComparison.Ordinal)),
            "doesNotContains" => Text(read, expected, path, (a, b) => !a.Contains(b, StringComparison.Ordinal)),
            "beginsWith" => Text(read, expected, path, (a, b) => a.StartsWith(b, StringComparison.Ordinal)),
            "doesNotBeginsWith" => Text(read, expected, path, (a, b) => !a.StartsWith(b, StringComparison.Ordinal)),
            "endsWith" => Text(read, expected, path, (a, b) => a.EndsWith(b, StringComparison.Ordinal)),
            "doesNotEndsWith" => Text(read, expected, path, (a, b) => !a.EndsWith(b, StringComparison.Ordinal)),
            "containsAny" => InList(entity => read(entity) is JsonArray array ? array : null, expected, path, negate: false),
            "isEmpty" => entity => IsEmpty(read(entity)),
            "isNotEmpty" => entity => !IsEmpty(read(entity)),
            ">" or ">=" or "<" or "<=" => Compare(read, expected, op, path),
            "between" => Between(read, DateRange.Parse(expected, path, now), negate: false),
            "notBetween" => Between(read, DateRange.Parse(expected, path, now), negate: true),
            _ => throw PortApiError.Invalid($"{path}/operator '{op}' is not supported by the emulator's search"),
        };
    }

    private static JsonNode? Read(JsonObject entity, string property) => property switch
    {
        "$identifier" or "$title" or "$blueprint" or "$icon" or "$team" or "$createdAt" or "$updatedAt" or "$createdBy" or "$updatedBy"
            => entity[property[1..]],
        _ => entity["properties"]![property] ?? entity["relations"]![property],
    };

    private static Func<JsonObject, bool> InList(Func<JsonObject, JsonNode?> read, JsonNode? expected, string path, bool negate)
    {
        var options = expected as JsonArray ?? throw PortApiError.Invalid($"{path}/value must be an array");
        return entity =>
        {
            var actual = read(entity);
            var found = actual is JsonArray many
                ? many.Any(item => options.Any(option => JsonValues.AreEqual(item, option)))
                : options.Any(option => JsonValues.AreEqual(actual, option));
            return found != negate;
        };
    }

    private static Func<JsonObject, bool> Text(Func<JsonObject, JsonNode?> read, JsonNode? expected, string path, Func<string, string, bool> test)
    {
        if (expected?.GetValueKind() != JsonValueKind.String)
        {
            throw PortApiError.Invalid($"{path}/value must be a string");
        }

        var value = expected.GetValue<string>();
        return entity => read(entity) is JsonValue actual && actual.GetValueKind() == JsonValueKind.String && test(actual.GetValue<string>(), value);
    }

    private static Func<JsonObject, bool> Compare(Func<JsonObject, JsonNode?> read, JsonNode? expected, string op, string path)
    {
        if (expected?.GetValueKind() is not (JsonValueKind.Number or JsonValueKind.String))
        {
            throw PortApiError.Invalid($"{path}/value must be a number or a date-time string");
        }

        return entity =>
        {
            var actual = read(entity);
            if (actual is null || actual.GetValueKind() != expected.GetValueKind())
            {
                return false;
            }

            var order = actual.GetValueKind() == JsonValueKind.Number
                ? actual.GetValue<double>().CompareTo(expected.GetValue<double>())
                : string.CompareOrdinal(actual.GetValue<string>(), expected.GetValue<string>());
            return op switch { ">" => order > 0, ">=" => order >= 0, "<" => order < 0, _ => order <= 0 };
        };
    }

    /// <summary>A value that is not a date-time matches neither <c>between</c> nor <c>notBetween</c>.</summary>
    private static Func<JsonObject, bool> Between(Func<JsonObject, JsonNode?> read, DateRange range, bool negate)
        => entity => DateRange.Read(read(entity)) is { } at && range.Contains(at) != negate;

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        _ => false,
    };
}
