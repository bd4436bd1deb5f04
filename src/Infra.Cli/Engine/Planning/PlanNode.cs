using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>One step of a graph's order: a resource, or a whole entity set (written in bulk).</summary>
internal sealed record PlanNode(DesiredResource? Resource, EntitySet? Set)
{
    public ResourceAddress Address => Resource?.Address ?? Dependencies.SetAddress(Set!.Blueprint);

    public IEnumerable<ResourceAddress> DependsOn => Resource is not null ? Dependencies.Of(Resource) : Dependencies.Of(Set!);

    /// <summary>The graph's resources and sets in the order they are written: each after what it depends on, otherwise as declared.</summary>
    public static IReadOnlyList<PlanNode> Ordered(ResourceGraph graph)
    {
        var nodes = graph.Resources.Select(r => new PlanNode(r, null)).Concat(graph.EntitySets.Select(s => new PlanNode(null, s))).ToList();
        return DependencyOrder.Sort(nodes, n => n.Address, n => n.DependsOn);
    }
}
