using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// What an entity's relations make it wait for, the same for both executors: the entities its relations
/// name (from the blueprint each relation points into, as its set declares it), and, inside one set, the
/// waves its entities are written in, each after the entities of the set it relates to.
/// </summary>
public static class EntityRelations
{
    /// <summary>The entities <paramref name="body"/>'s relations name (a single identifier or a list), as addresses.</summary>
    public static IEnumerable<ResourceAddress> Targets(JsonObject? body, EntitySet set)
    {
        if (set.Relations.Count == 0 || body?["relations"] is not JsonObject relations)
        {
            yield break;
        }

        foreach (var (name, value) in relations)
        {
            if (!set.Relations.TryGetValue(name, out var blueprint))
            {
                continue;
            }

            foreach (var identifier in Identifiers(value))
            {
                yield return new ResourceAddress(ResourceKind.Entity, identifier, blueprint);
            }
        }
    }

    /// <summary>
    /// <paramref name="items"/> in waves: an item comes in a later wave than every item of the same set its
    /// relations name, so a bulk write of one wave never needs an entity the same or a later wave creates;
    /// deleting runs the waves in the reverse. Order inside a wave is the given one. A cycle (data no service
    /// should hold) cannot be ordered: its entities share a wave and the service answers for each.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Waves<T>(IReadOnlyList<T> items, Func<T, JsonObject?> body, EntitySet set)
    {
        var self = set.Relations.Where(r => r.Value == set.Blueprint).Select(r => r.Key).ToList();
        if (self.Count == 0 || items.Count == 0)
        {
            return items.Count == 0 ? [] : [items];
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (Text(body(items[i])?["identifier"]) is { } identifier)
            {
                index.TryAdd(identifier, i);
            }
        }

        var needs = new List<int>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            needs[i] = [];
            if (body(items[i])?["relations"] is not JsonObject relations)
            {
                continue;
            }

            foreach (var name in self)
            {
                foreach (var target in Identifiers(relations[name]))
                {
                    if (index.TryGetValue(target, out var j) && j != i)
                    {
                        needs[i].Add(j);
                    }
                }
            }
        }

        var wave = Depths(needs);
        return [.. Enumerable.Range(0, items.Count).GroupBy(i => wave[i]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<T>)[.. g.Select(i => items[i])])];
    }

    /// <summary>Each node's depth: 0 without needs, else one more than its deepest need; an edge that closes a cycle is ignored.</summary>
    private static int[] Depths(List<int>[] needs)
    {
        const int Unvisited = -1, InProgress = -2;
        var depth = Enumerable.Repeat(Unvisited, needs.Length).ToArray();
        var stack = new Stack<(int Node, int Next)>();
        for (var start = 0; start < needs.Length; start++)
        {
            if (depth[start] != Unvisited)
            {
                continue;
            }

            stack.Push((start, 0));
            depth[start] = InProgress;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < needs[node].Count)
                {
                    stack.Push((node, next + 1));
                    var need = needs[node][next];
                    if (depth[need] == Unvisited)
                    {
                        depth[need] = InProgress;
                        stack.Push((need, 0));
                    }

                    continue;
                }

                var deepest = -1;
                foreach (var need in needs[node])
                {
                    // In progress: the need waits for this node too, a cycle; its edge is left out.
                    if (depth[need] >= 0)
                    {
                        deepest = Math.Max(deepest, depth[need]);
                    }
                }

                depth[node] = deepest + 1;
            }
        }

        return depth;
    }

    private static IEnumerable<string> Identifiers(JsonNode? value) => value switch
    {
        JsonValue text when text.GetValueKind() == JsonValueKind.String => [text.GetValue<string>()],
        JsonArray list => list.SelectMany(Identifiers).OfType<string>(),
        // Read back with attach_title_to_relation: {identifier, title}.
        JsonObject related when Text(related["identifier"]) is { } identifier => [identifier],
        _ => [],
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
