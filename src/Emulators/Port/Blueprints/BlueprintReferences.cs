using System.Text.Json.Nodes;

namespace Emulators.Port.Blueprints;

/// <summary>
/// What in other blueprints points at a blueprint: a relation targeting it, or an aggregation over it. The
/// emulator refuses to delete a blueprint still used this way (<see cref="Entities.RelationBehaviour.RefuseDeletingReferencedBlueprint"/>);
/// Port's docs only say that a relation's target must exist when the relation is defined.
/// </summary>
internal static class BlueprintReferences
{
    /// <summary>A description of the first use found, or null when no other blueprint uses <paramref name="identifier"/>.</summary>
    public static string? Find(IReadOnlyDictionary<string, BlueprintRecord> blueprints, string identifier)
    {
        foreach (var (other, record) in blueprints)
        {
            if (other == identifier)
            {
                continue;
            }

            foreach (var (key, relation) in BlueprintCatalogue.Relations(record.Definition))
            {
                if (relation?["target"]?.GetValue<string>() == identifier)
                {
                    return $"relation '{key}' of blueprint '{other}'";
                }
            }

            if (record.Definition["aggregationProperties"] is JsonObject aggregations)
            {
                foreach (var (key, aggregation) in aggregations)
                {
                    if (aggregation?["target"]?.GetValue<string>() == identifier)
                    {
                        return $"aggregation property '{key}' of blueprint '{other}'";
                    }
                }
            }
        }

        return null;
    }
}
