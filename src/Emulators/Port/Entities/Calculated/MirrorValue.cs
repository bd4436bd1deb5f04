using System.Text.Json.Nodes;

namespace Emulators.Port.Entities.Calculated;

/// <summary>
/// A mirror property's value for one entity: follow the path's relations to the entity at its end and read the
/// property (or meta-property, <c>$title</c> and the like) there; null when a relation on the way is empty.
/// </summary>
internal static class MirrorValue
{
    public static JsonNode? Of(EntityRef entity, string path, RelationGraph graph)
    {
        var segments = path.Split('.');
        var current = entity;
        foreach (var relation in segments[..^1])
        {
            var next = graph.Targets(current, relation).ToList();
            if (next.Count != 1)
            {
                return null;
            }

            current = next[0];
        }

        var stored = graph.Find(current);
        var last = segments[^1];
        return last.StartsWith('$') ? stored?[last[1..]]?.DeepClone() : stored?["properties"]?[last]?.DeepClone();
    }
}
