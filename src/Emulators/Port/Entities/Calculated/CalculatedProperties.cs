using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;

namespace Emulators.Port.Entities.Calculated;

/// <summary>
/// The values Port computes for an entity as it is read: its mirror and aggregation properties, shown under
/// <c>properties</c> beside the stored ones. One instance serves one request (one moment, one relation graph).
/// port-docs <c>search-and-query/advanced.md</c> lists <c>exclude_calculated_properties</c> for leaving out mirror
/// and calculation properties, and terraform-provider-port-labs' <c>internal/cli/entity.go</c> sets it because
/// such properties "are calculated by the backend" and would show as a diff: so they come back inside
/// <c>properties</c>. That aggregation values go the same way (and are left out by the same flag) is the
/// emulator's reading. Calculation (jq) properties are not computed.
/// </summary>
internal sealed class CalculatedProperties(IReadOnlyDictionary<string, BlueprintRecord> blueprints, DateTimeOffset now, AggregationCache cache, TimeSpan refresh)
{
    private RelationGraph? _graph;

    private RelationGraph Graph => _graph ??= new RelationGraph(blueprints);

    /// <summary>The entity's calculated values by key (empty when its blueprint declares none).</summary>
    public IEnumerable<(string Key, JsonNode? Value)> For(BlueprintRecord blueprint, JsonObject entity)
    {
        var self = new EntityRef(blueprint.Definition["identifier"]!.GetValue<string>(), entity["identifier"]!.GetValue<string>());
        if (blueprint.Definition["mirrorProperties"] is JsonObject mirrors)
        {
            foreach (var (key, mirror) in mirrors)
            {
                yield return (key, MirrorValue.Of(self, mirror!["path"]!.GetValue<string>(), Graph));
            }
        }

        if (blueprint.Definition["aggregationProperties"] is JsonObject aggregations)
        {
            foreach (var (key, aggregation) in aggregations)
            {
                var definition = (JsonObject)aggregation!;
                yield return (key, cache.GetOrCompute(self, key, definition, refresh, now, () => AggregationValue.Of(self, definition, Graph, now)));
            }
        }
    }
}
