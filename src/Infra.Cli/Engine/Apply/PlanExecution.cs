using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Engine.State;
using Infra.Cli.Port;
using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>One execution of a plan: the steps in order, state saved as they land.</summary>
internal sealed partial class PlanExecution(ApplyContext context, Plan plan, ApplyInstructions instructions, StackState state, IProgress<StepResult>? progress, DateTimeOffset startedAt)
{
    private readonly List<ManagedResource> _managed = [.. state.Managed];
    private readonly List<PendingOperation> _pending = [.. state.Pending];
    private readonly HashSet<string> _missingBlueprints = new(StringComparer.Ordinal);

    // The sources of the plan's references, whose outputs are read back once they are written.
    private readonly Lazy<HashSet<ResourceAddress>> _referenced = new(() => [.. instructions.Intents.Values.SelectMany(i => i.Desired?.References ?? []).Select(r => r.Source)]);
    private readonly Lock _gate = new();

    public List<StepResult> Results { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var changes = plan.Changes;

        // A previous run's pending entries are settled by this plan, which was made against live Port.
        _pending.Clear();
        if (plan.Operation == Operation.Refresh)
        {
            foreach (var change in changes)
            {
                Track(change.Address, change.Kind == ChangeKind.Delete ? null : Intent(change));
                Complete(change, StepOutcome.Succeeded);
            }

            await SaveAsync(finished: true, cancellationToken);
            return;
        }

        for (var i = 0; i < changes.Count;)
        {
            var change = changes[i];
            if (!change.Address.Kind.BulkPerBlueprint)
            {
                await ApplyResourceAsync(change, cancellationToken);
                await SaveAsync(finished: false, cancellationToken);
                i++;
                continue;
            }

            // One wave of one set at a time: the next wave relates to entities this one writes (or, deleting,
            // this one relates to entities the next deletes).
            var deleting = change.Kind == ChangeKind.Delete;
            var blueprint = change.Address.Blueprint!;
            var wave = Intent(change).Wave;
            var end = i;
            while (end < changes.Count && changes[end].Address.Kind.BulkPerBlueprint
                && (changes[end].Kind == ChangeKind.Delete) == deleting && changes[end].Address.Blueprint == blueprint
                && (changes[end].Kind == ChangeKind.Same || Intent(changes[end]).Wave == wave))
            {
                end++;
            }

            var group = changes.Skip(i).Take(end - i).ToList();
            if (deleting)
            {
                await DeleteEntitiesAsync(blueprint, group, cancellationToken);
            }
            else
            {
                await UpsertEntitiesAsync(blueprint, group, cancellationToken);
            }

            i = end;
        }

        foreach (var address in instructions.Forget)
        {
            Track(address, null);
        }

        await SaveAsync(finished: true, cancellationToken);
    }

    private StepIntent Intent(ResourceChange change) => instructions.Intents[change.Address];

    private async Task ApplyResourceAsync(ResourceChange change, CancellationToken cancellationToken)
    {
        var intent = Intent(change);
        if (change.Kind == ChangeKind.Same)
        {
            Track(change.Address, intent);
            Complete(change, StepOutcome.Succeeded);
            return;
        }

        if (SkipReason(change) is { } skipped)
        {
            Complete(change, StepOutcome.Skipped, skipped);
            return;
        }

        if (change.Kind == ChangeKind.Delete)
        {
            _pending.Add(new PendingOperation(ChangeKind.Delete, change.Address.Kind, change.Address.Id, 1, context.Time.GetUtcNow()));
            await SaveAsync(finished: false, cancellationToken);
        }

        try
        {
            await WriteAsync(change, intent, cancellationToken);
            Track(change.Address, change.Kind == ChangeKind.Delete ? null : intent);
            Complete(change, StepOutcome.Succeeded);
        }
        catch (Exception e) when (e is InfraException or HttpRequestException)
        {
            if (change.Address.Kind == ResourceKind.Blueprint && change.Kind == ChangeKind.Create)
            {
                // Its entities cannot be written; an update that failed leaves the blueprint usable.
                _missingBlueprints.Add(change.Address.Id);
            }

            NoteFailure(change, intent);

            Complete(change, StepOutcome.Failed, context.Masker.MaskText(e.Message));
        }
        finally
        {
            _pending.RemoveAll(p => p.Kind == change.Address.Kind && p.Id == change.Address.Id);
        }
    }

    private async Task WriteAsync(ResourceChange change, StepIntent intent, CancellationToken cancellationToken)
    {
        var (kind, id) = (change.Address.Kind, change.Address.Id);
        var provider = context.ProviderFor(kind);
        if (change.Kind == ChangeKind.Delete)
        {
            await provider.DeleteAsync(kind, id, cancellationToken);
            return;
        }

        var (body, value) = await ValueAsync(change, intent, cancellationToken);
        body = WithReferences(change, body);
        if (change.Kind == ChangeKind.Create)
        {
            // The service's own id may differ from the declared name (Spacelift's carry a suffix): the provider
            // finds the resource by its name, and what references its id reads it back below.
            await provider.CreateAsync(kind, body, value, cancellationToken);
        }
        else
        {
            await provider.UpdateAsync(kind, id, body, value, cancellationToken);
        }

        await RememberOutputsAsync(change.Address, provider, cancellationToken);
    }

    private async Task UpsertEntitiesAsync(string blueprint, List<ResourceChange> group, CancellationToken cancellationToken)
    {
        foreach (var same in group.Where(c => c.Kind == ChangeKind.Same))
        {
            Complete(same, StepOutcome.Succeeded);
        }

        var writes = group.Where(c => c.Kind != ChangeKind.Same).ToList();
        if (_missingBlueprints.Contains(blueprint))
        {
            foreach (var change in writes)
            {
                Complete(change, StepOutcome.Skipped, $"blueprint '{blueprint}' was not applied");
            }

            return;
        }

        var ready = new List<(ResourceChange Change, JsonObject Body)>(writes.Count);
        foreach (var change in writes)
        {
            var (body, problem) = WithMintedExpiries(Intent(change).Desired!);
            if (body is null)
            {
                Complete(change, StepOutcome.Failed, context.Masker.MaskText(problem!));
                continue;
            }

            ready.Add((change, body));
        }

        foreach (var chunk in ready.Chunk(context.EntityBatchSize))
        {
            var batch = chunk.Select(c => c.Change).ToArray();
            var bodies = chunk.Select(c => c.Body).ToList();
            await WriteEntitiesAsync(batch, ids => context.Port.UpsertEntitiesAsync(blueprint, bodies, ids, cancellationToken));
            await SaveAsync(finished: false, cancellationToken);
        }
    }

    private async Task DeleteEntitiesAsync(string blueprint, List<ResourceChange> group, CancellationToken cancellationToken)
    {
        foreach (var batch in group.Chunk(context.EntityBatchSize))
        {
            // Intent first: a kill during the call leaves a record the next run reports.
            var pending = new PendingOperation(ChangeKind.Delete, ResourceKind.Entity, blueprint, batch.Length, context.Time.GetUtcNow());
            _pending.Add(pending);
            await SaveAsync(finished: false, cancellationToken);
            var ids = batch.Select(c => c.Address.Id).ToList();
            await WriteEntitiesAsync(batch, progress => context.Port.DeleteEntitiesAsync(blueprint, ids, progress, cancellationToken));
            _pending.Remove(pending);
            await SaveAsync(finished: false, cancellationToken);
        }
    }

    private async Task WriteEntitiesAsync(
        ResourceChange[] batch,
        Func<IProgress<EntityWriteResult>, Task<IReadOnlyList<EntityWriteResult>>> write)
    {
        var byId = new Dictionary<string, ResourceChange>(StringComparer.Ordinal);
        foreach (var change in batch)
        {
            byId.TryAdd(change.Address.Id, change);
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var reporter = new ImmediateProgress<EntityWriteResult>(result =>
        {
            lock (_gate)
            {
                if (!byId.TryGetValue(result.Identifier, out var change) || !done.Add(result.Identifier))
                {
                    return;
                }

                Complete(change, result.Succeeded ? StepOutcome.Succeeded : StepOutcome.Failed, result.Succeeded ? null : context.Masker.MaskText(result.Message ?? result.Error ?? "rejected by Port"));
            }
        });
        string? failure = null;
        try
        {
            var results = await write(reporter);
            foreach (var result in results)
            {
                reporter.Report(result);
            }
        }
        catch (Exception e) when (e is InfraException or HttpRequestException)
        {
            failure = context.Masker.MaskText(e.Message);
        }

        lock (_gate)
        {
            foreach (var change in batch.Where(c => !done.Contains(c.Address.Id)))
            {
                done.Add(change.Address.Id);
                Complete(change, StepOutcome.Failed, failure ?? "Port returned no result for this entity");
            }
        }
    }

    private void Complete(ResourceChange change, StepOutcome outcome, string? message = null)
    {
        var result = new StepResult(change, outcome, message);
        lock (_gate)
        {
            Results.Add(result);
        }

        if (change.Kind != ChangeKind.Same)
        {
            progress?.Report(result);
        }
    }

    /// <summary>
    /// Records <paramref name="address"/> as managed, with what it depends on and its group (null
    /// <paramref name="intent"/>: no longer managed). A resource already recorded keeps what it had when
    /// this run does not know its declaration.
    /// </summary>
    private void Track(ResourceAddress address, StepIntent? intent)
    {
        // Every entity of a managed blueprint is managed; state does not list them.
        if (address.Kind.BulkPerBlueprint)
        {
            return;
        }

        var previous = _managed.FirstOrDefault(m => m.Kind == address.Kind && m.Id == address.Id);
        _managed.RemoveAll(m => m.Kind == address.Kind && m.Id == address.Id);
        if (intent is null)
        {
            return;
        }

        _managed.Add(intent.Desired is { } desired
            ? new ManagedResource(address.Kind, address.Id) { DependsOn = [.. Decisions.Dependencies.Of(desired)], Group = desired.Group }
            : previous ?? new ManagedResource(address.Kind, address.Id));
    }

    private Task SaveAsync(bool finished, CancellationToken cancellationToken)
    {
        int succeeded, failed;
        lock (_gate)
        {
            succeeded = Results.Count(r => r.Outcome == StepOutcome.Succeeded && r.Change.Kind != ChangeKind.Same);
            failed = Results.Count(r => r.Outcome == StepOutcome.Failed);
        }

        var info = new LastOperation(plan.Operation, startedAt, finished ? context.Time.GetUtcNow() : null, succeeded, failed);
        return context.Store.SaveAsync(new StackState([.. _managed], [.. _pending], info), cancellationToken);
    }
}
