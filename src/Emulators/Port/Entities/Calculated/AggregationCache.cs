using System.Text.Json.Nodes;

namespace Emulators.Port.Entities.Calculated;

/// <summary>
/// Aggregation values kept for their refresh interval (<see cref="RelationBehaviour.AggregationRefresh"/>): a value
/// computed in one interval is served until the interval ends, as Port's "recalculated every 15 minutes"
/// leaves a value stale for up to that long. Keyed by the definition too, so a changed definition is recomputed.
/// Used under the organisation lock.
/// </summary>
internal sealed class AggregationCache
{
    private readonly Dictionary<(string Blueprint, string Entity, string Key, string Definition), (long Interval, JsonNode? Value)> _values = [];

    public JsonNode? GetOrCompute(EntityRef entity, string key, JsonObject definition, TimeSpan refresh, DateTimeOffset now, Func<JsonNode?> compute)
    {
        if (refresh <= TimeSpan.Zero)
        {
            return compute();
        }

        var interval = now.UtcTicks / refresh.Ticks;
        var cacheKey = (entity.Blueprint, entity.Identifier, key, definition.ToJsonString());
        if (_values.TryGetValue(cacheKey, out var cached) && cached.Interval == interval)
        {
            return cached.Value?.DeepClone();
        }

        var value = compute();
        _values[cacheKey] = (interval, value?.DeepClone());
        return value;
    }
}
