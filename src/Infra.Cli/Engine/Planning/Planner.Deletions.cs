using Infra.Cli.Decisions;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Engine.State;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Deleting resources: what depends on a resource goes before it, from the dependencies the graph declares
/// or, for a resource it no longer declares, those recorded in state when it was last written.
/// </summary>
internal sealed partial class Planner
{
    private void DeleteResources(IEnumerable<ResourceAddress> addresses, StackState state, LiveSnapshot live, ResourceGraph? graph = null)
    {
        var doomed = addresses.ToList();
        // The state's order is the order resources were last written in: a dependency-free tie-break that
        // still deletes newer resources first, for state written before dependencies were recorded.
        var recorded = state.Managed.ToDictionary(m => m.Address, m => m.DependsOn);
        var declared = graph?.Resources.ToDictionary(r => r.Address, r => Dependencies.Of(r).ToList()) ?? [];
        var written = state.Managed.Select(m => m.Address).ToList();
        var nodes = doomed.OrderBy(a => written.IndexOf(a) is var i && i < 0 ? int.MaxValue : i).ToList();
        var order = DependencyOrder.Sort(
            nodes,
            a => a,
            a => declared.TryGetValue(a, out var needs) ? needs : recorded.GetValueOrDefault(a) ?? []);
        foreach (var address in order.Reverse())
        {
            var change = Masked(new ResourceChange(address, ChangeKind.Delete, [], Strip(address.Kind, live.Resources[address]), null));
            _deletions.Add(change);
            _intents[change.Address] = new StepIntent(null);
        }
    }
}
