using System.Text.Json.Nodes;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine.Ownership;
using Infra.Sdk;
using Infra.Cli.Http;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Turns declarations, live Port and local state into an ordered, masked plan. Pure: reads nothing,
/// writes nothing, mints nothing (a preview must never change the world). <paramref name="ownership"/>
/// says which live resources are another stack's: those are never deleted here (the engine refuses to
/// write declared ones before planning), and adopted or taken-over ones carry the reason.
/// </summary>
internal sealed partial class Planner(PlanSettings settings, SecretMasker masker, DateTimeOffset now, OwnershipReport? ownership = null)
{
    private readonly List<ResourceChange> _changes = [];
    private readonly List<ResourceChange> _deletions = [];
    private readonly Dictionary<ResourceChange, StepIntent> _intents = new(ReferenceEqualityComparer.Instance);
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ResourceAddress> _forget = [];
    private int _heldBack;

    public Plan Build(object engine, Operation operation, PlanOptions options, Declaration declaration, LiveSnapshot live, StackState state, SpaceliftRead spacelift)
    {
        _diagnostics.AddRange(declaration.Diagnostics);
        HoldLiveUpdatesOnDoubt(declaration, live, state);
        if (state.Pending.Count > 0)
        {
            var what = string.Join(", ", state.Pending.Select(p => $"{p.Change.ToString().ToLowerInvariant()} {p.Count} {p.Kind} {p.Id} (since {p.StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})"));
            _diagnostics.Add(new Diagnostic(Severity.Warning, $"a previous run stopped during: {what}; this run plans against live Port and finishes the work"));
        }

        switch (operation)
        {
            case Operation.Update:
                PlanUpdate(options, declaration, live, state, spacelift);
                break;
            case Operation.Destroy:
                PlanDestroy(declaration, live, state);
                break;
            case Operation.Refresh:
                PlanRefresh(declaration, live, state);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }

        var plan = new Plan(settings.Project, settings.Stack, [.. _changes, .. _deletions], _diagnostics)
        {
            Operation = operation,
            HeldBackDeletions = _heldBack,
            Instructions = new ApplyInstructions(_intents, _forget, engine),
        };
        return plan;
    }

    private void PlanUpdate(PlanOptions options, Declaration declaration, LiveSnapshot live, StackState state, SpaceliftRead spacelift)
    {
        var keyChanging = false;
        string? blueprint = null;
        DecideSharedSecret(declaration, live);
        foreach (var resource in declaration.State.Resources.Where(r => !r.Address.Kind.BulkPerBlueprint && !Held(r.Address)))
        {
            var current = live.Resources.GetValueOrDefault(resource.Address);
            if (resource.Address.Kind == ResourceKind.Blueprint)
            {
                blueprint = resource.Address.Id;
            }

            if (resource.Address.Kind.SharedSecret is not null)
            {
                PlanSharedSecret(resource, current);
            }
            else if (!resource.Address.Kind.HasWriteOnlyValue)
            {
                PlanBody(resource, current);
            }
            else if (resource.SecretValue is not null)
            {
                keyChanging |= PlanValueSecret(resource, current) == ChangeKind.Update;
            }
            else
            {
                PlanMintedSecret(resource, current, keyChanging);
            }
        }

        if (blueprint is not null)
        {
            PlanEntities(options, declaration, blueprint, live, spacelift);
        }

        var declared = declaration.State.Resources.Select(r => r.Address).ToHashSet();
        var orphans = WithoutForeign(state.Managed.Select(m => m.Address).Where(a => !a.Kind.BulkPerBlueprint && !declared.Contains(a) && !Held(a)));
        _forget.AddRange(orphans.Where(a => !live.Resources.ContainsKey(a)));
        var held = new HashSet<ResourceAddress>();
        foreach (var orphan in orphans.Where(a => a.Kind == ResourceKind.Blueprint && live.Resources.ContainsKey(a)))
        {
            var entities = live.EntitiesOf(orphan.Id);
            if (entities.Count > 0 && !options.AllowMassDeletion)
            {
                held.Add(orphan);
                _heldBack += entities.Count + 1;
                _diagnostics.Add(new Diagnostic(
                    Severity.Warning,
                    $"blueprint '{orphan.Id}' is no longer declared but holds {entities.Count} entities; its deletion is held back (rerun with --allow-mass-delete to delete it and its entities)",
                    orphan));
                continue;
            }

            DeleteEntities(orphan.Id, entities);
        }

        DeleteResources(orphans.Where(a => live.Resources.ContainsKey(a) && !held.Contains(a)), live);
    }

    private void PlanDestroy(Declaration declaration, LiveSnapshot live, StackState state)
    {
        var managed = WithoutForeign(declaration.State.Resources.Select(r => r.Address)
            .Concat(state.Managed.Select(m => m.Address))
            .Where(a => !a.Kind.BulkPerBlueprint && !Held(a))
            .Distinct());
        _forget.AddRange(managed.Where(a => !live.Resources.ContainsKey(a)));
        foreach (var blueprint in managed.Where(a => a.Kind == ResourceKind.Blueprint && live.Resources.ContainsKey(a)))
        {
            DeleteEntities(blueprint.Id, live.EntitiesOf(blueprint.Id));
        }

        DeleteResources(managed.Where(live.Resources.ContainsKey), live);
    }

    private void PlanRefresh(Declaration declaration, LiveSnapshot live, StackState state)
    {
        var declared = declaration.State.Resources.Where(r => !r.Address.Kind.BulkPerBlueprint).Select(r => r.Address).ToList();
        var owned = state.Managed.Select(m => m.Address).Where(a => !a.Kind.BulkPerBlueprint).ToList();
        foreach (var address in owned.Concat(declared).Distinct().Where(a => !Held(a)))
        {
            var isOwned = owned.Contains(address);
            var current = live.Resources.GetValueOrDefault(address);
            var body = current is null ? null : Strip(address.Kind, current);
            if (ownership?.IsForeign(address) == true)
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
                Add(new ResourceChange(address, ChangeKind.Update, [], body, body?.DeepClone().AsObject(), "exists in Port and is declared: adopted into state"), new StepIntent(null));
            }
            else if (current is not null)
            {
                Add(new ResourceChange(address, ChangeKind.Same, [], body, body?.DeepClone().AsObject()), new StepIntent(null));
            }
        }
    }

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

    private ChangeKind PlanValueSecret(DesiredResource resource, JsonObject? current)
    {
        var name = resource.Address.Id;
        var fingerprint = SecretDescription.Fingerprint(settings.FingerprintKey, name, resource.SecretValue!);
        var description = SecretDescription.WithFingerprint(DescriptionOf(resource.Body)!, fingerprint);
        var next = SecretBody(name, description, withValue: true);
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, next), new StepIntent(resource));
            return ChangeKind.Create;
        }

        var liveDescription = DescriptionOf(current);
        var diffs = new List<PropertyDiff>(2);
        string? reason = null;
        if (SecretDescription.ReadFingerprint(liveDescription) != fingerprint)
        {
            diffs.Add(new PropertyDiff("secretValue", DiffKind.Update, Secret.Mask, Secret.Mask));
            reason = SecretDescription.ReadFingerprint(liveDescription) is null
                ? "no fingerprint of the value in Port: the value is written"
                : "the value's fingerprint differs: the value is written";
        }

        if (liveDescription != description)
        {
            diffs.Add(new PropertyDiff("description", DiffKind.Update, liveDescription, description));
        }

        var kind = diffs.Count == 0 ? ChangeKind.Same : ChangeKind.Update;
        Add(new ResourceChange(resource.Address, kind, diffs, SecretBody(name, liveDescription, withValue: false), next, reason), new StepIntent(resource));
        return kind;
    }

    private void PlanMintedSecret(DesiredResource resource, JsonObject? current, bool keyChanging)
    {
        var name = resource.Address.Id;
        var liveDescription = DescriptionOf(current);
        var old = current is null ? null : SecretBody(name, liveDescription, withValue: false);
        var reason = keyChanging && current is not null
            ? "the API key changes: will re-mint"
            : TokenRotation.DueReason(current is not null, liveDescription, now, settings.TokenRotationWindow)
                ?? ownership?.Reason(resource.Address);
        if (reason is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Same, [], old, old?.DeepClone().AsObject()), new StepIntent(resource));
            return;
        }

        // The new validUntil is Spacelift's to say, at apply time.
        var description = DescriptionOf(resource.Body)! + " \u00b7 validUntil:[unknown]";
        var next = SecretBody(name, description, withValue: true);
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, next, reason), new StepIntent(resource, MintToken: true));
            return;
        }

        PropertyDiff[] diffs =
        [
            new("secretValue", DiffKind.Update, Secret.Mask, Secret.Mask),
            new("description", DiffKind.Update, liveDescription, description),
        ];
        Add(new ResourceChange(resource.Address, ChangeKind.Update, diffs, old, next, reason), new StepIntent(resource, MintToken: true));
    }

    private void PlanEntities(PlanOptions options, Declaration declaration, string blueprint, LiveSnapshot live, SpaceliftRead spacelift)
    {
        var address = new ResourceAddress(ResourceKind.Blueprint, blueprint);
        if (spacelift.Failure is not null)
        {
            _diagnostics.Add(new Diagnostic(
                Severity.Error,
                $"reading Spacelift failed after {spacelift.StacksSeen} stacks ({spacelift.Failure}); no entity of '{blueprint}' is created, updated or deleted this run, whatever the flags",
                address));
            return;
        }

        var current = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var liveEntities = live.EntitiesOf(blueprint);
        foreach (var entity in liveEntities)
        {
            if (JsonWire.String(entity["identifier"]) is { } identifier)
            {
                current.TryAdd(identifier, entity);
            }
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in declaration.State.Resources.Where(r => r.Address.Kind == ResourceKind.Entity))
        {
            declared.Add(resource.Address.Id);
            var existing = current.GetValueOrDefault(resource.Address.Id);
            if (existing is null)
            {
                Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, Clone(resource.Body)), new StepIntent(resource, Blueprint: blueprint));
                continue;
            }

            var old = JsonBodies.Normalize(ResourceKind.Entity, existing, resource.Body);
            var diffs = JsonBodies.Diff(old, resource.Body);
            if (diffs.Count == 0)
            {
                // Nothing reads an unchanged entity's bodies after planning, and at 20,000 stacks keeping
                // both (and their masked copies) for every entity was most of the plan's memory.
                Add(new ResourceChange(resource.Address, ChangeKind.Same, [], null, null), new StepIntent(null, Blueprint: blueprint));
                continue;
            }

            Add(new ResourceChange(resource.Address, ChangeKind.Update, diffs, old, Clone(resource.Body)), new StepIntent(resource, Blueprint: blueprint));
        }

        var gone = current.Where(e => !declared.Contains(e.Key) && !declaration.RejectedIds.Contains(e.Key)).Select(e => e.Value).ToList();
        if (gone.Count == 0)
        {
            return;
        }

        var doubt = PruneDoubt(gone.Count, current.Count, spacelift.StacksSeen, blueprint);
        if (doubt is not null && !options.AllowMassDeletion)
        {
            _heldBack += gone.Count;
            _diagnostics.Add(new Diagnostic(Severity.Warning, doubt + "; deletions are held back (rerun with --allow-mass-delete if the stacks are really gone)", address));
            return;
        }

        if (doubt is not null)
        {
            _diagnostics.Add(new Diagnostic(Severity.Warning, doubt + "; deleting anyway: mass deletion was allowed for this run", address));
        }

        DeleteEntities(blueprint, gone);
    }

    private string? PruneDoubt(int toDelete, int liveCount, int stacksSeen, string blueprint)
    {
        if (stacksSeen == 0)
        {
            return $"Spacelift returned 0 stacks while Port holds {liveCount} entities of '{blueprint}'";
        }

        // PruneThreshold is a fraction (infra:pruneThresholdPercent 90 loads as 0.9).
        var share = (double)toDelete / liveCount;
        return share > settings.PruneThreshold
            ? $"{toDelete} of {liveCount} entities of '{blueprint}' ({share:0.#%}) would be deleted, above the {settings.PruneThreshold:0.#%} prune threshold"
            : null;
    }

    private void DeleteEntities(string blueprint, IEnumerable<JsonObject> entities)
    {
        foreach (var entity in entities)
        {
            if (JsonWire.String(entity["identifier"]) is not { } identifier)
            {
                continue;
            }

            var old = JsonBodies.Normalize(ResourceKind.Entity, entity, []);
            var change = Masked(new ResourceChange(new ResourceAddress(ResourceKind.Entity, identifier, blueprint), ChangeKind.Delete, [], old, null));
            _deletions.Add(change);
            _intents[change] = new StepIntent(null, Blueprint: blueprint);
        }
    }

    private void DeleteResources(IEnumerable<ResourceAddress> addresses, LiveSnapshot live)
    {
        var list = addresses.ToList();
        // Reverse apply order: what depends on a resource goes before it.
        foreach (var kind in ResourceKind.All.Where(k => !k.BulkPerBlueprint).OrderByDescending(k => k.Order))
        {
            foreach (var address in list.Where(a => a.Kind == kind).Reverse())
            {
                var change = Masked(new ResourceChange(address, ChangeKind.Delete, [], Strip(kind, live.Resources[address]), null));
                _deletions.Add(change);
                _intents[change] = new StepIntent(null);
            }
        }
    }

    /// <summary>
    /// Drops the resources another stack owns: they are left in Port, forgotten from this stack's
    /// state, and named in a warning.
    /// </summary>
    private List<ResourceAddress> WithoutForeign(IEnumerable<ResourceAddress> addresses)
    {
        var kept = new List<ResourceAddress>();
        foreach (var address in addresses)
        {
            if (ownership?.IsForeign(address) != true)
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
        if (change.Kind == ChangeKind.Update && ownership?.Reason(change.Address) is { } owning && change.Reason?.Contains(owning, StringComparison.Ordinal) != true)
        {
            change = change with { Reason = change.Reason is null ? owning : change.Reason + "; " + owning };
        }

        var masked = Masked(change);
        _changes.Add(masked);
        _intents[masked] = intent;
    }

    private ResourceChange Masked(ResourceChange change) => change with
    {
        Old = masker.Mask(change.Old),
        New = masker.Mask(change.New),
        Diffs = [.. change.Diffs.Select(d => d with { Old = masker.Mask(d.Old), New = masker.Mask(d.New) })],
        Reason = change.Reason is null ? null : masker.MaskText(change.Reason),
    };

    // A live-update webhook's secret, which Port gives back, never enters a plan (the masker would catch it too).
    private static JsonObject Strip(ResourceKind kind, JsonObject live) => kind.SharedSecret is null
        ? JsonBodies.Normalize(kind, live, [])
        : LiveUpdateSecrets.WithoutValue(kind, JsonBodies.Normalize(kind, live, []));

    private static JsonObject SecretBody(string name, string? description, bool withValue)
    {
        var body = new JsonObject { ["secretName"] = name, ["description"] = description };
        if (withValue)
        {
            body["secretValue"] = Secret.Mask;
        }

        return body;
    }

    private static string? DescriptionOf(JsonObject? body) => JsonWire.String(body?["description"]);

    private static JsonObject Clone(JsonObject body) => body.DeepClone().AsObject();
}
