using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;

namespace Emulators.Port.Entities.Calculated;

/// <summary>
/// The organisation's entities joined by their relation values, read under the organisation lock for one
/// request. Forward edges are read from each entity as needed; the reverse index (who points at an entity) is
/// built once, on first use, in one pass over every entity.
/// </summary>
internal sealed class RelationGraph(IReadOnlyDictionary<string, BlueprintRecord> blueprints)
{
    private Dictionary<EntityRef, List<(EntityRef Source, string Relation)>>? _incoming;

    public JsonObject? Find(EntityRef entity)
        => blueprints.TryGetValue(entity.Blueprint, out var record) ? record.Entities.Find(entity.Identifier) : null;

    /// <summary>The entities <paramref name="entity"/>'s relation <paramref name="relation"/> points at (those that exist).</summary>
    public IEnumerable<EntityRef> Targets(EntityRef entity, string relation)
    {
        if (!blueprints.TryGetValue(entity.Blueprint, out var record) || Find(entity) is not { } stored
            || RelationDefinitions.Of(record.Definition, relation) is not { } definition)
        {
            yield break;
        }

        foreach (var id in Identifiers(stored["relations"]?[relation]))
        {
            var target = new EntityRef(definition.Target, id);
            if (Find(target) is not null)
            {
                yield return target;
            }
        }
    }

    /// <summary>The entities whose relation (any, or <paramref name="relation"/>) points at <paramref name="entity"/>.</summary>
    public IEnumerable<(EntityRef Source, string Relation)> Sources(EntityRef entity, string? relation = null)
    {
        _incoming ??= BuildIncoming();
        return _incoming.TryGetValue(entity, out var sources)
            ? sources.Where(s => relation is null || s.Relation == relation)
            : [];
    }

    /// <summary>Everything reachable from <paramref name="start"/> following relations from source to target (upstream), start excluded.</summary>
    public IReadOnlySet<EntityRef> Upstream(EntityRef start)
        => Reach(start, e => blueprints.TryGetValue(e.Blueprint, out var record)
            ? BlueprintCatalogue.Relations(record.Definition).SelectMany(r => Targets(e, r.Key))
            : []);

    /// <summary>Everything that reaches <paramref name="start"/> following relations from source to target (downstream), start excluded.</summary>
    public IReadOnlySet<EntityRef> Downstream(EntityRef start) => Reach(start, e => Sources(e).Select(s => s.Source));

    public static IEnumerable<string> Identifiers(JsonNode? value) => value switch
    {
        JsonArray many => many.Where(v => v?.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>()),
        JsonValue one when one.GetValueKind() == JsonValueKind.String => [one.GetValue<string>()],
        _ => [],
    };

    private static HashSet<EntityRef> Reach(EntityRef start, Func<EntityRef, IEnumerable<EntityRef>> next)
    {
        var seen = new HashSet<EntityRef>();
        var pending = new Queue<EntityRef>([start]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var neighbour in next(current))
            {
                if (seen.Add(neighbour))
                {
                    pending.Enqueue(neighbour);
                }
            }
        }

        seen.Remove(start);
        return seen;
    }

    private Dictionary<EntityRef, List<(EntityRef, string)>> BuildIncoming()
    {
        var incoming = new Dictionary<EntityRef, List<(EntityRef, string)>>();
        foreach (var (blueprintId, record) in blueprints)
        {
            var relations = BlueprintCatalogue.Relations(record.Definition)
                .Select(r => (Key: r.Key, Target: r.Value?["target"]?.GetValue<string>()))
                .Where(r => r.Target is not null)
                .ToArray();
            if (relations.Length == 0)
            {
                continue;
            }

            foreach (var entity in record.Entities.All)
            {
                var source = new EntityRef(blueprintId, entity["identifier"]!.GetValue<string>());
                var values = (JsonObject)entity["relations"]!;
                foreach (var (key, target) in relations)
                {
                    foreach (var id in Identifiers(values[key]))
                    {
                        var to = new EntityRef(target!, id);
                        if (!incoming.TryGetValue(to, out var list))
                        {
                            incoming[to] = list = [];
                        }

                        list.Add((source, key));
                    }
                }
            }
        }

        return incoming;
    }
}
