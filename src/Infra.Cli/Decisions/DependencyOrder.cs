using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// The order both executors write a graph in: each resource after what it depends on, and otherwise in
/// the order it was declared, so the same graph always gives the same order. Deletions run in the reverse.
/// </summary>
public static class DependencyOrder
{
    /// <summary>
    /// <paramref name="nodes"/> sorted so that each comes after every one of its dependencies that is among
    /// them (others are already in place, or not this run's to write); ties keep their given order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dependencies form a cycle (named).</exception>
    public static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> nodes, Func<T, ResourceAddress> address, Func<T, IEnumerable<ResourceAddress>> dependencies)
    {
        var index = new Dictionary<ResourceAddress, int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            index.TryAdd(address(nodes[i]), i);
        }

        var waiting = new int[nodes.Count];
        var dependents = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var needed in dependencies(nodes[i]).Distinct())
            {
                if (index.TryGetValue(needed, out var j) && j != i)
                {
                    waiting[i]++;
                    dependents[j].Add(i);
                }
            }
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, nodes.Count).Where(i => waiting[i] == 0));
        var sorted = new List<T>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            sorted.Add(nodes[next]);
            foreach (var dependent in dependents[next])
            {
                if (--waiting[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        if (sorted.Count < nodes.Count)
        {
            var stuck = Enumerable.Range(0, nodes.Count).Where(i => waiting[i] > 0).Select(i => address(nodes[i]).ToString());
            throw new InvalidOperationException($"the declared dependencies form a cycle among: {string.Join(", ", stuck)}");
        }

        return sorted;
    }
}
