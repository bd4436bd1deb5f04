using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;

namespace Emulators.Port.Entities.Calculated;

/// <summary>
/// An aggregation property's value for one entity (port-docs <c>setup-blueprint/properties/aggregation-property.md</c>).
/// The entities aggregated are those of the target blueprint related to the entity: with a <c>pathFilter</c>, the
/// ones its path reaches (forwards, or backwards from the target with <c>fromBlueprint</c>); without one, every
/// target entity reached following relations all upstream or all downstream ("directly, indirectly, upstream or
/// downstream"; mixing directions would relate sibling stacks through their space, which Port's docs never
/// suggest). Then <c>query</c> filters them and <c>calculationSpec</c> computes.
/// Where Port publishes no rule the emulator chooses: an empty set counts 0 and sums 0 but has no min, max,
/// median or average (null); an average per period divides by the whole periods between the earliest
/// <c>measureTimeBy</c> among the entities and now (at least one); "total" divides by one.
/// </summary>
internal static class AggregationValue
{
    public static JsonNode? Of(EntityRef entity, JsonObject definition, RelationGraph graph, DateTimeOffset now)
    {
        var target = definition["target"]!.GetValue<string>();
        var filter = EntityQuery.Compile(definition["query"], "aggregationProperties/query", new FixedClock(now));
        var related = Related(entity, target, definition["pathFilter"] as JsonArray, graph)
            .Select(graph.Find)
            .OfType<JsonObject>()
            .Where(filter)
            .ToList();
        var spec = (JsonObject)definition["calculationSpec"]!;
        var func = spec["func"]!.GetValue<string>();
        if (spec["calculationBy"]!.GetValue<string>() == "entities")
        {
            return func == "count" ? related.Count : PerPeriod(related.Count, related, spec, now);
        }

        var property = spec["property"]!.GetValue<string>();
        var values = related
            .Select(e => e["properties"]?[property])
            .Where(v => v?.GetValueKind() == JsonValueKind.Number)
            .Select(v => v!.GetValue<double>())
            .Order()
            .ToList();
        return func switch
        {
            "sum" => Number(values.Sum()),
            _ when values.Count == 0 => null,
            "min" => Number(values[0]),
            "max" => Number(values[^1]),
            "median" => Number(values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2),
            _ => spec["averageOf"]?.GetValue<string>() == "total" ? Number(values.Average()) : PerPeriod(values.Sum(), related, spec, now),
        };
    }

    private static IEnumerable<EntityRef> Related(EntityRef entity, string target, JsonArray? pathFilter, RelationGraph graph)
    {
        if (pathFilter is [JsonObject filter, ..])
        {
            var path = filter["path"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            IEnumerable<EntityRef> current = [entity];
            if (filter["fromBlueprint"] is null)
            {
                foreach (var relation in path)
                {
                    current = current.SelectMany(e => graph.Targets(e, relation)).Distinct().ToList();
                }
            }
            else
            {
                for (var i = path.Count - 1; i >= 0; i--)
                {
                    var relation = path[i];
                    current = current.SelectMany(e => graph.Sources(e, relation).Select(s => s.Source)).Distinct().ToList();
                }
            }

            return current.Where(e => e.Blueprint == target);
        }

        return graph.Upstream(entity).Union(graph.Downstream(entity)).Where(e => e.Blueprint == target && e != entity);
    }

    private static JsonNode? PerPeriod(double total, IReadOnlyList<JsonObject> entities, JsonObject spec, DateTimeOffset now)
    {
        var period = spec["averageOf"]!.GetValue<string>() switch
        {
            "hour" => TimeSpan.FromHours(1),
            "day" => TimeSpan.FromDays(1),
            "week" => TimeSpan.FromDays(7),
            "month" => TimeSpan.FromDays(30),
            _ => (TimeSpan?)null,
        };
        if (period is not { } length)
        {
            return Number(total);
        }

        var measure = spec["measureTimeBy"]?.GetValue<string>() ?? "$createdAt";
        var earliest = entities
            .Select(e => DateRange.Read(measure.StartsWith('$') ? e[measure[1..]] : e["properties"]?[measure]))
            .Where(at => at is not null)
            .Min();
        var periods = earliest is { } first ? Math.Max(1, Math.Ceiling((now - first).Ticks / (double)length.Ticks)) : 1;
        return Number(total / periods);
    }

    private static JsonNode Number(double value) => value % 1 == 0 && Math.Abs(value) < long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create(value);

    /// <summary>The request's moment, so every value of one read uses the same "now".</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
