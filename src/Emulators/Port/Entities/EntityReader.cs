using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;
using Emulators.Port.Entities.Calculated;
using Emulators.Port.Http;

namespace Emulators.Port.Entities;

/// <summary>
/// Renders entities for one read request: <see cref="EntityView"/>, plus the calculated values (unless
/// <c>exclude_calculated_properties=true</c>) and, with <c>attach_title_to_relation=true</c>, each related
/// entity as <c>{identifier, title}</c> instead of its identifier (port-docs <c>search-and-query/advanced.md</c>
/// shows both forms). Used under the organisation lock.
/// </summary>
/// <param name="queryFlags">Whether the route takes the two query parameters (see <see cref="RelationBehaviour.BlueprintSearchHonoursQueryFlags"/>).</param>
internal sealed class EntityReader(PortContext context, PortRequest request, AggregationCache cache, bool queryFlags = true)
{
    private readonly bool _calculated = !(queryFlags && request.Flag("exclude_calculated_properties"));
    private readonly bool _titles = queryFlags && request.Flag("attach_title_to_relation");
    private CalculatedProperties? _values;

    private CalculatedProperties Values => _values ??= new CalculatedProperties(
        context.Organisation.Blueprints, context.Options.Time.GetUtcNow(), cache, context.Options.Relations.AggregationRefresh);

    public JsonObject Render(BlueprintRecord blueprint, JsonObject entity, EntityView.Projection? projection)
    {
        var view = EntityView.Render(blueprint, entity, projection);
        if (_calculated)
        {
            var properties = (JsonObject)view["properties"]!;
            foreach (var (key, value) in Values.For(blueprint, entity))
            {
                if (projection?.Keeps(key) != false)
                {
                    properties[key] = value;
                }
            }
        }

        if (_titles)
        {
            AttachTitles(blueprint, (JsonObject)view["relations"]!);
        }

        return view;
    }

    private void AttachTitles(BlueprintRecord blueprint, JsonObject relations)
    {
        foreach (var (key, value) in relations.ToList())
        {
            if (value is null || RelationDefinitions.Of(blueprint.Definition, key) is not { } relation)
            {
                continue;
            }

            var targets = context.Organisation.EntitiesOf(relation.Target);
            JsonNode Titled(string id) => new JsonObject { ["identifier"] = id, ["title"] = targets?.Find(id)?["title"]?.DeepClone() };
            relations[key] = value is JsonArray many
                ? new JsonArray([.. RelationGraph.Identifiers(many).Select(Titled)])
                : Titled(value.GetValue<string>());
        }
    }
}
