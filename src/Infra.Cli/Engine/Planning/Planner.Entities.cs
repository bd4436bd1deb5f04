using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Entity sets: each declared entity created, updated or left alone, and the live entities no longer
/// declared deleted unless the set is held (its read failed), its prune scope keeps them, or the prune gate
/// is in doubt. Inside a set, entities are written in waves, each after those it relates to, and deleted in
/// the reverse; whole sets are deleted in the reverse of their write order (<see cref="EntityDeletions"/>).
/// </summary>
internal sealed partial class Planner
{
    // Per declared set, in write order; the plan deletes them in the reverse (a run before its stack).
    private readonly List<List<ResourceChange>> _setDeletions = [];

    private void PlanEntitySet(PlanOptions options, EntitySet set, LiveSnapshot live)
    {
        var blueprint = set.Blueprint;
        if (holds.HoldsEntitiesOf(blueprint))
        {
            return;
        }

        var current = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var entity in live.EntitiesOf(blueprint))
        {
            if (JsonWire.String(entity["identifier"]) is { } identifier)
            {
                current.TryAdd(identifier, entity);
            }
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var writes = new List<(DesiredResource Resource, ResourceChange Change)>();
        foreach (var declaredEntity in set.Entities)
        {
            declared.Add(declaredEntity.Address.Id);
            var existing = current.GetValueOrDefault(declaredEntity.Address.Id);
            var carried = declaredEntity with { Body = KeptFields.Carry(ResourceKind.Entity, declaredEntity.Body, existing) };
            var resource = WithExpiries(carried, existing, live);
            if (existing is null)
            {
                writes.Add((resource, new ResourceChange(resource.Address, ChangeKind.Create, [], null, Clone(resource.Body))));
                continue;
            }

            var old = CalculatedProperties.Strip(JsonBodies.Normalize(ResourceKind.Entity, existing, resource.Body), set);
            var diffs = JsonBodies.Diff(old, resource.Body);
            if (diffs.Count == 0)
            {
                // Nothing reads an unchanged entity's bodies after planning, and at 20,000 stacks keeping
                // both (and their masked copies) for every entity was most of the plan's memory.
                Add(new ResourceChange(resource.Address, ChangeKind.Same, [], null, null), new StepIntent(null));
                continue;
            }

            writes.Add((resource, new ResourceChange(resource.Address, ChangeKind.Update, diffs, old, Clone(resource.Body))));
        }

        var waves = EntityRelations.Waves(writes, w => w.Resource.Body, set);
        for (var wave = 0; wave < waves.Count; wave++)
        {
            foreach (var (resource, change) in waves[wave])
            {
                Add(change, new StepIntent(resource) { Wave = wave });
            }
        }

        var (gone, others) = settings.Authorship.Split(current.Where(e => !declared.Contains(e.Key) && !set.Keep.Contains(e.Key) && ScopedPrune.MayDelete(e.Value, set.Prune)).Select(e => e.Value));
        if (settings.Authorship.LeftAlone(others, blueprint) is { } leftAlone)
        {
            _diagnostics.Add(new Diagnostic(Severity.Warning, leftAlone, set.BlueprintAddress));
        }

        var deletions = new List<ResourceChange>();
        _setDeletions.Add(deletions);
        if (holds.HoldsDeletionsOf(blueprint))
        {
            _heldBack += gone.Count;
            return;
        }

        if (PruneGate.Doubt(gone.Count, current.Count, set.Source, settings.PruneThreshold, blueprint) is { } doubt)
        {
            if (!options.AllowMassDeletion)
            {
                _heldBack += gone.Count;
                _diagnostics.Add(new Diagnostic(Severity.Warning, doubt + $"; deletions are held back (rerun with --allow-mass-delete if the {set.Source.Items} are really gone)", set.BlueprintAddress));
                return;
            }

            _diagnostics.Add(new Diagnostic(Severity.Warning, doubt + "; deleting anyway: mass deletion was allowed for this run", set.BlueprintAddress) { Headline = true });
        }
        else if (PruneGate.Notable(gone.Count, current.Count, set.Source, blueprint) is { } notable)
        {
            _diagnostics.Add(new Diagnostic(Severity.Warning, notable, set.BlueprintAddress) { Headline = true });
        }

        DeleteEntities(blueprint, gone, deletions, set);
    }

    /// <summary>
    /// The entity with its fields set from secrets' expiries: the one recorded in Port, or unknown when this
    /// plan mints the value (apply fills it in from what was minted).
    /// </summary>
    private DesiredResource WithExpiries(DesiredResource entity, JsonObject? existing, LiveSnapshot live)
        => entity.Expiries.Count == 0
            ? entity
            : entity with { Body = ExpiryReferences.Resolve(entity, source => _intents.GetValueOrDefault(source)?.Mint == true ? null : live.RecordedExpiry(source), existing) };

    /// <summary>
    /// The deletions of the declared sets, last set first (what relates to another set's entities goes before
    /// them), ahead of <paramref name="from"/> in the plan's deletions.
    /// </summary>
    private void EntityDeletions(int from)
    {
        _deletions.InsertRange(from, Enumerable.Reverse(_setDeletions).SelectMany(d => d));
        _setDeletions.Clear();
    }

    /// <param name="set">The set the entities belong to, whose relations order them (deleting waves in the reverse); null for a blueprint no longer declared.</param>
    private void DeleteEntities(string blueprint, IReadOnlyList<JsonObject> entities, List<ResourceChange> into, EntitySet? set = null)
    {
        var waves = set is null ? [entities] : EntityRelations.Waves(entities, e => e, set);
        for (var wave = waves.Count - 1; wave >= 0; wave--)
        {
            foreach (var entity in waves[wave])
            {
                if (JsonWire.String(entity["identifier"]) is not { } identifier)
                {
                    continue;
                }

                var old = JsonBodies.Normalize(ResourceKind.Entity, entity, []);
                if (set is not null)
                {
                    CalculatedProperties.Strip(old, set);
                }

                var change = Masked(new ResourceChange(new ResourceAddress(ResourceKind.Entity, identifier, blueprint), ChangeKind.Delete, [], old, null));
                into.Add(change);
                _intents[change.Address] = new StepIntent(null) { Wave = waves.Count - 1 - wave };
            }
        }
    }
}
