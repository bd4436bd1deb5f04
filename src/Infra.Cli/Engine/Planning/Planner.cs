using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Cli.Decisions.Ownership;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Engine.State;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Turns a declared graph, live state and local state into an ordered, masked plan. Pure: reads nothing,
/// writes nothing, mints nothing (a preview must never change the world). It knows no program: what to
/// hold back (<see cref="Holds"/>), whose resources are whose (<see cref="OwnershipReport"/>), when a
/// secret is written again and when a prune is in doubt are the shared decisions both executors call.
/// Creates and updates come in dependency order, then deletions in the reverse.
/// </summary>
internal sealed partial class Planner(PlanSettings settings, SecretMasker masker, DateTimeOffset now, OwnershipReport ownership, Holds holds)
{
    private readonly List<ResourceChange> _changes = [];
    private readonly List<ResourceChange> _deletions = [];
    private readonly Dictionary<ResourceAddress, StepIntent> _intents = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ResourceAddress> _forget = [];
    private int _heldBack;

    public Plan Build(PlanOrigin origin, Operation operation, PlanOptions options, ResourceGraph graph, LiveSnapshot live, StackState state)
    {
        _diagnostics.AddRange(graph.Diagnostics);
        _diagnostics.AddRange(holds.Errors);
        if (state.Pending.Count > 0)
        {
            var what = string.Join(", ", state.Pending.Select(p => $"{p.Change.ToString().ToLowerInvariant()} {p.Count} {p.Kind} {p.Id} (since {p.StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})"));
            _diagnostics.Add(new Diagnostic(Severity.Warning, $"a previous run stopped during: {what}; this run plans against live Port and finishes the work"));
        }

        switch (operation)
        {
            case Operation.Update:
                PlanUpdate(options, graph, live, state);
                break;
            case Operation.Destroy:
                PlanDestroy(graph, live, state);
                break;
            case Operation.Refresh:
                PlanRefresh(graph, live, state);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }

        return new Plan(settings.Owner.Project, settings.Owner.Stack, [.. _changes, .. _deletions], _diagnostics)
        {
            Operation = operation,
            HeldBackDeletions = _heldBack,
            Instructions = new ApplyInstructions(_intents, _forget, origin),
        };
    }

    private void PlanUpdate(PlanOptions options, ResourceGraph graph, LiveSnapshot live, StackState state)
    {
        var shared = DecideSharedSecrets(graph, live);
        foreach (var node in PlanNode.Ordered(graph))
        {
            if (node.Set is { } set)
            {
                PlanEntitySet(options, set, live);
                continue;
            }

            var resource = node.Resource!;
            if (holds.IsHeld(resource.Address))
            {
                continue;
            }

            var current = live.Resources.GetValueOrDefault(resource.Address);
            var desired = resource with { Body = OutputReferences.Resolve(resource, r => Output(live, r)) };
            switch (resource.Value)
            {
                case SecretValue.Given given:
                    PlanGivenSecret(desired, given, current);
                    break;
                case SecretValue.Minted minted:
                    PlanMintedSecret(desired, minted, current, graph, live);
                    break;
                default:
                    if (resource.Address.Kind.SharedSecret is not null && resource.Group is { } group)
                    {
                        PlanSharedSecret(desired, current, group, shared[group]);
                    }
                    else
                    {
                        PlanBody(desired, current);
                    }

                    break;
            }
        }

        var declared = graph.Resources.Select(r => r.Address).ToHashSet();
        var orphans = WithoutForeign(state.Managed.Where(m => !declared.Contains(m.Address) && !holds.IsHeld(m.Address)).Select(m => m.Address));
        _forget.AddRange(orphans.Where(a => !live.Resources.ContainsKey(a)));
        var heldOrphans = new HashSet<ResourceAddress>();
        foreach (var orphan in orphans.Where(a => a.Kind == ResourceKind.Blueprint && live.Resources.ContainsKey(a)))
        {
            var entities = live.EntitiesOf(orphan.Id);
            if (PruneGate.OrphanDoubt(orphan.Id, entities.Count) is { } doubt && !options.AllowMassDeletion)
            {
                heldOrphans.Add(orphan);
                _heldBack += entities.Count + 1;
                _diagnostics.Add(new Diagnostic(Severity.Warning, doubt + "; its deletion is held back (rerun with --allow-mass-delete to delete it and its entities)", orphan));
                continue;
            }

            DeleteEntities(orphan.Id, entities, _deletions);
        }

        // A blueprint no longer declared may relate to the declared ones (runs to their stacks): its
        // entities go first, then the declared sets', last set first, then the resources.
        EntityDeletions(_deletions.Count);
        DeleteResources(orphans.Where(a => live.Resources.ContainsKey(a) && !heldOrphans.Contains(a)), state, live);
    }

    private void PlanDestroy(ResourceGraph graph, LiveSnapshot live, StackState state)
    {
        var managed = WithoutForeign(graph.Resources.Select(r => r.Address)
            .Concat(state.Managed.Select(m => m.Address))
            .Where(a => !holds.IsHeld(a))
            .Distinct());
        _forget.AddRange(managed.Where(a => !live.Resources.ContainsKey(a)));
        // The declared sets' entities last set first (what relates to another set's entities goes before
        // them), then those of blueprints no set names.
        var sets = PlanNode.Ordered(graph).Select(n => n.Set).OfType<EntitySet>().Reverse().ToList();
        var blueprints = managed.Where(a => a.Kind == ResourceKind.Blueprint && live.Resources.ContainsKey(a)).Select(a => a.Id).ToList();
        foreach (var blueprint in sets.Select(s => s.Blueprint).Where(blueprints.Contains).Concat(blueprints).Distinct(StringComparer.Ordinal))
        {
            DeleteEntities(blueprint, live.EntitiesOf(blueprint), _deletions, sets.FirstOrDefault(s => s.Blueprint == blueprint));
        }

        DeleteResources(managed.Where(live.Resources.ContainsKey), state, live, graph);
    }

    private void PlanRefresh(ResourceGraph graph, LiveSnapshot live, StackState state)
    {
        var declared = graph.Resources.Select(r => r.Address).ToList();
        var owned = state.Managed.Select(m => m.Address).ToList();
        foreach (var address in owned.Concat(declared).Distinct().Where(a => !holds.IsHeld(a)))
        {
            var isOwned = owned.Contains(address);
            var current = live.Resources.GetValueOrDefault(address);
            var body = current is null ? null : Strip(address.Kind, current);
            if (ownership.IsForeign(address))
            {
                // Never adopted into state; if it was ours, it is not any more.
                if (isOwned)
                {
                    Add(new ResourceChange(address, ChangeKind.Delete, [], body, null, $"belongs to stack {ownership.FindingFor(address)!.MarkedOwner}: dropped from state"), new StepIntent(null));
                }
            }
            else if (isOwned && current is null)
            {
                Add(new ResourceChange(address, ChangeKind.Delete, [], null, null, "gone from Port: dropped from state"), new StepIntent(null));
            }
            else if (!isOwned && current is not null)
            {
                Add(new ResourceChange(address, ChangeKind.Update, [], body, body?.DeepClone().AsObject(), "exists in Port and is declared: adopted into state"), Track(graph, address));
            }
            else if (current is not null)
            {
                Add(new ResourceChange(address, ChangeKind.Same, [], body, body?.DeepClone().AsObject()), Track(graph, address));
            }
        }
    }

    /// <summary>A refresh step that records a declared resource with its dependencies and group.</summary>
    private static StepIntent Track(ResourceGraph graph, ResourceAddress address)
        => new(graph.Resources.FirstOrDefault(r => r.Address == address));

    private void PlanBody(DesiredResource resource, JsonObject? current)
    {
        var desired = resource.Body;
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, Clone(desired)), new StepIntent(resource));
            return;
        }

        var old = JsonBodies.Normalize(resource.Address.Kind, current, desired);
        var diffs = JsonBodies.Diff(old, JsonBodies.Compared(resource.Address.Kind, desired));
        Add(new ResourceChange(resource.Address, diffs.Count == 0 ? ChangeKind.Same : ChangeKind.Update, diffs, old, Clone(desired)), new StepIntent(resource));
    }

    /// <summary>The field a reference names, as the source's service holds it now; null while the source does not exist.</summary>
    private static string? Output(LiveSnapshot live, OutputReference reference)
        => JsonWire.String(live.Resources.GetValueOrDefault(reference.Source)?[reference.SourceField]);

    /// <summary>
    /// Drops the resources another stack owns: they are left in Port, forgotten from this stack's
    /// state, and named in a warning.
    /// </summary>
    private List<ResourceAddress> WithoutForeign(IEnumerable<ResourceAddress> addresses)
    {
        var kept = new List<ResourceAddress>();
        foreach (var address in addresses)
        {
            if (!ownership.IsForeign(address))
            {
                kept.Add(address);
                continue;
            }

            _forget.Add(address);
            _diagnostics.Add(new Diagnostic(
                Severity.Warning,
                $"{address} belongs to stack {ownership.FindingFor(address)!.MarkedOwner}: left in Port and dropped from this stack's state (--take-over to make it this stack's)",
                address));
        }

        return kept;
    }

    private void Add(ResourceChange change, StepIntent intent)
    {
        if (change.Kind == ChangeKind.Update && ownership.Reason(change.Address) is { } owning && change.Reason?.Contains(owning, StringComparison.Ordinal) != true)
        {
            change = change with { Reason = change.Reason is null ? owning : change.Reason + "; " + owning };
        }

        _changes.Add(Masked(change));
        _intents[change.Address] = intent;
    }

    private ResourceChange Masked(ResourceChange change) => change with
    {
        Old = masker.Mask(change.Old),
        New = masker.Mask(change.New),
        Diffs = [.. change.Diffs.Select(d => d with { Old = masker.Mask(d.Old), New = masker.Mask(d.New) })],
        Reason = change.Reason is null ? null : masker.MaskText(change.Reason),
    };

    // A shared secret, which Port may give back, never enters a plan (the masker would catch it too).
    private static JsonObject Strip(ResourceKind kind, JsonObject live) => kind.SharedSecret is null
        ? JsonBodies.Normalize(kind, live, [])
        : SharedSecrets.WithoutValue(kind, JsonBodies.Normalize(kind, live, []));

    private static JsonObject Clone(JsonObject body) => body.DeepClone().AsObject();
}
