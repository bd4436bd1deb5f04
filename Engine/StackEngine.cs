using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Infra.Config;
using Infra.Diagnostics;
using Infra.Engine.Ownership;
using Infra.Model;
using Infra.Port;
using Infra.Spacelift;
using Infra.Stacks;

namespace Infra.Engine;

/// <summary>
/// Plans against live Port and applies plans, saving state after every step so that a run killed at
/// any moment converges on the next one. Owns what it is given to dispose (clients' host, lock).
/// </summary>
public sealed class StackEngine : IStackEngine
{
    private readonly StackConfiguration _configuration;
    private readonly IPortClient _port;
    private readonly ISpaceliftClient _spacelift;
    private readonly IStateStore _store;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IAsyncDisposable> _owned;
    private readonly SecretMasker _masker;
    private readonly ConditionalWeakTable<Plan, PlannedRun> _runs = [];

    public StackEngine(
        StackConfiguration configuration,
        IPortClient port,
        ISpaceliftClient spacelift,
        IStateStore store,
        TimeProvider time,
        IReadOnlyList<IAsyncDisposable>? owned = null)
    {
        _configuration = configuration;
        _port = port;
        _spacelift = spacelift;
        _store = store;
        _time = time;
        _owned = owned ?? [];
        // The API key id is an identifier, shown in messages; only its copy in Port is kept secret.
        _masker = new SecretMasker([configuration.Spacelift.ApiKeySecret, configuration.Port.ClientSecret]);
    }

    /// <summary>Entities per upsert call; state is saved after each such batch.</summary>
    internal int EntityBatchSize { get; init; } = 1000;

    private Secret ApiKeyId => new(_configuration.Spacelift.ApiKeyId);

    /// <summary>The name written into every resource's owner mark.</summary>
    private StackOwner Owner => new(_configuration.Project, _configuration.Stack);

    public async Task<Plan> PlanAsync(Operation operation, PlanOptions options, CancellationToken cancellationToken)
    {
        var state = await _store.LoadAsync(cancellationToken);
        var stacksTask = operation == Operation.Update ? ReadStacksAsync(cancellationToken) : Task.FromResult<(List<SpaceliftStack>, SpaceliftRead)>(([], new SpaceliftRead(0, null)));
        var identities = Declare([]);
        var addresses = identities.State.Resources.Select(r => r.Address)
            .Concat(state.Managed.Select(m => m.Address))
            .Where(a => a.Kind != ResourceKind.Entity);
        if (operation == Operation.Update)
        {
            // Only to note it: see PlanNotes.
            addresses = addresses.Append(PlanNotes.SpareSecret);
        }

        var liveTask = LiveSnapshot.ReadAsync(_port, addresses, cancellationToken);
        await Task.WhenAll(stacksTask, liveTask);
        var (stacks, read) = await stacksTask;
        var declaration = operation == Operation.Update ? Declare(stacks) : identities;
        var live = await liveTask;
        declaration = declaration with { Diagnostics = [.. declaration.Diagnostics, .. PlanNotes.For(operation, _configuration, live)] };
        var settings = new PlanSettings(
            _configuration.Project,
            _configuration.Stack,
            _configuration.Settings.PruneThreshold,
            _configuration.Settings.TokenRotationWindow,
            _configuration.Port.ClientSecret);
        var mine = declaration.State.Resources.Select(r => r.Address).Concat(state.Managed.Select(m => m.Address)).ToHashSet();
        var ownership = OwnershipCheck.Evaluate(
            Owner,
            live.Resources.Where(r => mine.Contains(r.Key)).Select(r => KeyValuePair.Create(r.Key, (JsonObject?)r.Value)),
            options.TakeOver);
        if (operation == Operation.Update)
        {
            // Before any write, and before a preview shows a plan that up could not apply.
            ownership.ThrowIfConflicts(declaration.State.Resources.Select(r => r.Address));
        }

        var run = new Planner(settings, _masker, _time.GetUtcNow(), ownership).Build(operation, options, declaration, live, state, read);
        _runs.AddOrUpdate(run.Plan, run);
        return run.Plan;
    }

    public async Task<ApplyResult> ApplyAsync(Plan plan, IProgress<StepResult>? progress, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(plan, out var run))
        {
            throw new ArgumentException("the plan was not made by this engine", nameof(plan));
        }

        var started = _time.GetTimestamp();
        var apply = new ApplyRun(this, run, await _store.LoadAsync(cancellationToken), progress, _time.GetUtcNow());
        await apply.ExecuteAsync(cancellationToken);
        return new ApplyResult(plan, apply.Results, [.. plan.Diagnostics, .. apply.Diagnostics], _time.GetElapsedTime(started));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned.Reverse())
        {
            await owned.DisposeAsync();
        }
    }

    private Declaration Declare(IReadOnlyList<SpaceliftStack> stacks) => SpaceliftIntegration.Declare(
        new IntegrationInputs(
            _configuration.Settings.Blueprint,
            _configuration.Port.BaseUrl,
            _configuration.Spacelift.Endpoint,
            ApiKeyId,
            _configuration.Spacelift.ApiKeySecret,
            Names: new ResourceNames(_configuration.Settings.NameSuffix),
            Owner: Owner),
        stacks);

    private async Task<(List<SpaceliftStack> Stacks, SpaceliftRead Read)> ReadStacksAsync(CancellationToken cancellationToken)
    {
        // Before anything is planned, let alone written: a refused key ends the run here.
        await CredentialProof.ProveSpaceliftAsync(_spacelift, _configuration.Spacelift, cancellationToken);
        var stacks = new List<SpaceliftStack>();
        try
        {
            await foreach (var page in _spacelift.ListStacksAsync(cancellationToken))
            {
                stacks.AddRange(page);
            }

            return (stacks, new SpaceliftRead(stacks.Count, null));
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            // A key revoked mid-read is a refused credential like any other; a read cut short otherwise
            // only keeps this run's hands off the entities.
            return (stacks, new SpaceliftRead(stacks.Count, _masker.MaskText(e.Message)));
        }
    }

    /// <summary>One execution of a plan: the steps in order, state saved as they land.</summary>
    private sealed class ApplyRun(StackEngine engine, PlannedRun run, StackState state, IProgress<StepResult>? progress, DateTimeOffset startedAt)
    {
        private readonly List<ManagedResource> _managed = [.. state.Managed];
        private readonly List<PendingOperation> _pending = [.. state.Pending];
        private readonly HashSet<string> _missingBlueprints = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public List<StepResult> Results { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            var changes = run.Plan.Changes;

            // A previous run's pending entries are settled by this plan, which was made against live Port.
            _pending.Clear();
            if (run.Plan.Operation == Operation.Refresh)
            {
                foreach (var change in changes)
                {
                    Track(change.Address, keep: change.Kind != ChangeKind.Delete);
                    Complete(change, StepOutcome.Succeeded);
                }

                await SaveAsync(finished: true, cancellationToken);
                return;
            }

            for (var i = 0; i < changes.Count;)
            {
                var change = changes[i];
                if (change.Address.Kind != ResourceKind.Entity)
                {
                    await ApplyResourceAsync(change, cancellationToken);
                    await SaveAsync(finished: false, cancellationToken);
                    i++;
                    continue;
                }

                var deleting = change.Kind == ChangeKind.Delete;
                var blueprint = run.Intents[change].Blueprint!;
                var end = i;
                while (end < changes.Count && changes[end].Address.Kind == ResourceKind.Entity
                    && (changes[end].Kind == ChangeKind.Delete) == deleting && run.Intents[changes[end]].Blueprint == blueprint)
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

            foreach (var address in run.Forget)
            {
                Track(address, keep: false);
            }

            await SaveAsync(finished: true, cancellationToken);
        }

        private async Task ApplyResourceAsync(ResourceChange change, CancellationToken cancellationToken)
        {
            var intent = run.Intents[change];
            if (change.Kind == ChangeKind.Same)
            {
                Track(change.Address, keep: true);
                Complete(change, StepOutcome.Succeeded);
                return;
            }

            if (change.Kind == ChangeKind.Delete)
            {
                _pending.Add(new PendingOperation(ChangeKind.Delete, change.Address.Kind, change.Address.Id, 1, engine._time.GetUtcNow()));
                await SaveAsync(finished: false, cancellationToken);
            }

            try
            {
                await WriteAsync(change, intent, cancellationToken);
                Track(change.Address, keep: change.Kind != ChangeKind.Delete);
                Complete(change, StepOutcome.Succeeded);
            }
            catch (Exception e) when (e is InfraException or HttpRequestException)
            {
                if (change.Address.Kind == ResourceKind.Blueprint && change.Kind == ChangeKind.Create)
                {
                    // Its entities cannot be written; an update that failed leaves the blueprint usable.
                    _missingBlueprints.Add(change.Address.Id);
                }

                Complete(change, StepOutcome.Failed, engine._masker.MaskText(e.Message));
            }
            finally
            {
                _pending.RemoveAll(p => p.Kind == change.Address.Kind && p.Id == change.Address.Id);
            }
        }

        private async Task WriteAsync(ResourceChange change, StepIntent intent, CancellationToken cancellationToken)
        {
            var port = engine._port;
            var id = change.Address.Id;
            var body = intent.Desired?.Body;
            switch (change.Address.Kind, change.Kind)
            {
                case (ResourceKind.Blueprint, ChangeKind.Create):
                    await port.CreateBlueprintAsync(body!, cancellationToken);
                    break;
                case (ResourceKind.Blueprint, ChangeKind.Update):
                    await port.ReplaceBlueprintAsync(id, body!, cancellationToken);
                    break;
                case (ResourceKind.Blueprint, ChangeKind.Delete):
                    await port.DeleteBlueprintAsync(id, cancellationToken);
                    break;
                case (ResourceKind.Action or ResourceKind.Automation, ChangeKind.Create):
                    await port.CreateActionAsync(body!, cancellationToken);
                    break;
                case (ResourceKind.Action or ResourceKind.Automation, ChangeKind.Update):
                    await port.ReplaceActionAsync(id, body!, cancellationToken);
                    break;
                case (ResourceKind.Action or ResourceKind.Automation, ChangeKind.Delete):
                    await port.DeleteActionAsync(id, cancellationToken);
                    break;
                case (ResourceKind.Secret, ChangeKind.Delete):
                    await port.DeleteSecretAsync(id, cancellationToken);
                    break;
                case (ResourceKind.Secret, _):
                    await WriteSecretAsync(change, intent, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"no write for {change.Kind} {change.Address}");
            }
        }

        private async Task WriteSecretAsync(ResourceChange change, StepIntent intent, CancellationToken cancellationToken)
        {
            var name = change.Address.Id;
            var baseDescription = intent.Desired!.Body["description"]!.GetValue<string>();
            Secret value;
            string description;
            if (intent.MintToken)
            {
                var token = await engine._spacelift.MintTokenAsync(cancellationToken);
                value = token.Jwt;
                description = SecretRecord.WithValidUntil(baseDescription, token.ValidUntil);
            }
            else
            {
                value = intent.Desired.SecretValue!;
                description = SecretRecord.WithFingerprint(baseDescription, SecretRecord.Fingerprint(engine._configuration.Port.ClientSecret, name, value));
            }

            if (change.Kind == ChangeKind.Create)
            {
                await engine._port.CreateSecretAsync(name, value, description, cancellationToken);
            }
            else
            {
                await engine._port.UpdateSecretAsync(name, value, description, cancellationToken);
            }
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

            foreach (var batch in writes.Chunk(engine.EntityBatchSize))
            {
                var bodies = batch.Select(c => run.Intents[c].Desired!.Body).ToList();
                await WriteEntitiesAsync(batch, ids => engine._port.UpsertEntitiesAsync(blueprint, bodies, ids, cancellationToken));
                await SaveAsync(finished: false, cancellationToken);
            }
        }

        private async Task DeleteEntitiesAsync(string blueprint, List<ResourceChange> group, CancellationToken cancellationToken)
        {
            foreach (var batch in group.Chunk(engine.EntityBatchSize))
            {
                // Intent first: a kill during the call leaves a record the next run reports.
                var pending = new PendingOperation(ChangeKind.Delete, ResourceKind.Entity, blueprint, batch.Length, engine._time.GetUtcNow());
                _pending.Add(pending);
                await SaveAsync(finished: false, cancellationToken);
                var ids = batch.Select(c => c.Address.Id).ToList();
                await WriteEntitiesAsync(batch, progress => engine._port.DeleteEntitiesAsync(blueprint, ids, progress, cancellationToken));
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
            var reporter = new Reporter(result =>
            {
                lock (_gate)
                {
                    if (!byId.TryGetValue(result.Identifier, out var change) || !done.Add(result.Identifier))
                    {
                        return;
                    }

                    Complete(change, result.Succeeded ? StepOutcome.Succeeded : StepOutcome.Failed, result.Succeeded ? null : engine._masker.MaskText(result.Message ?? result.Error ?? "rejected by Port"));
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
                failure = engine._masker.MaskText(e.Message);
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

        private void Track(ResourceAddress address, bool keep)
        {
            if (address.Kind == ResourceKind.Entity)
            {
                return;
            }

            _managed.RemoveAll(m => m.Kind == address.Kind && m.Id == address.Id);
            if (keep)
            {
                _managed.Add(new ManagedResource(address.Kind, address.Id));
            }
        }

        private Task SaveAsync(bool finished, CancellationToken cancellationToken)
        {
            int succeeded, failed;
            lock (_gate)
            {
                succeeded = Results.Count(r => r.Outcome == StepOutcome.Succeeded && r.Change.Kind != ChangeKind.Same);
                failed = Results.Count(r => r.Outcome == StepOutcome.Failed);
            }

            var info = new RunInfo(run.Plan.Operation, startedAt, finished ? engine._time.GetUtcNow() : null, succeeded, failed);
            return engine._store.SaveAsync(new StackState([.. _managed], [.. _pending], info), cancellationToken);
        }
    }

    /// <summary>Calls back on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to a context).</summary>
    private sealed class Reporter(Action<EntityWriteResult> report) : IProgress<EntityWriteResult>
    {
        public void Report(EntityWriteResult value) => report(value);
    }
}
