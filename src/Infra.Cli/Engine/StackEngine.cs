using Infra.Cli.Config;
using Infra.Cli.Decisions;
using Infra.Cli.Decisions.Ownership;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Engine.State;
using Infra.Sdk;

namespace Infra.Cli.Engine;

/// <summary>
/// Runs an <see cref="IStackProgram"/>: plans the graph it declares against live state and applies plans,
/// saving state after every step so that a run killed at any moment converges on the next one. It knows
/// nothing of the program: the program reads its own data through the services it is handed. Owns what it
/// is given to dispose (the lock, the demo's emulators).
/// </summary>
public sealed class StackEngine : IStackEngine
{
    private readonly IStackProgram _program;
    private readonly StackConfiguration _configuration;
    private readonly StackServices _services;
    private readonly IStateStore _store;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IAsyncDisposable> _owned;
    private readonly SecretMasker _masker;
    private readonly PlanOrigin _origin = new();

    public StackEngine(
        IStackProgram program,
        StackConfiguration configuration,
        StackServices services,
        IStateStore store,
        TimeProvider time,
        IReadOnlyList<IAsyncDisposable>? owned = null)
    {
        _program = program;
        _configuration = configuration;
        _services = services;
        _store = store;
        _time = time;
        _owned = owned ?? [];
        _masker = configuration.NewMasker();
    }

    /// <summary>Entities per upsert call; state is saved after each such batch.</summary>
    internal int EntityBatchSize { get; init; } = 1000;

    public async Task<Plan> PlanAsync(Operation operation, PlanOptions options, CancellationToken cancellationToken)
    {
        var state = await _store.LoadAsync(cancellationToken);
        // What the program declares without reading anything first, so that live state is read while
        // the program reads its data (the two are the run's longest waits).
        var identities = await DeclareAsync(readsData: false, cancellationToken);
        var full = operation == Operation.Update ? DeclareAsync(readsData: true, cancellationToken) : Task.FromResult(identities);
        var live = ReadLiveAsync(identities, state, cancellationToken);
        await Task.WhenAll(full, live);
        var graph = await full;
        var snapshot = await live;
        if (Addresses(graph, state).Except(Addresses(identities, state)).Any())
        {
            // What the program read changed what else it declares: read it all again.
            snapshot = await ReadLiveAsync(graph, state, cancellationToken);
        }

        SharedSecrets.MaskReadBack(snapshot.Resources, _masker);
        var mine = graph.Resources.Select(r => r.Address).Concat(state.Managed.Select(m => m.Address)).ToHashSet();
        var ownership = OwnershipCheck.Evaluate(
            _configuration.Owner,
            snapshot.Resources.Where(r => mine.Contains(r.Key)).Select(r => KeyValuePair.Create(r.Key, (System.Text.Json.Nodes.JsonObject?)r.Value)),
            options.TakeOver);
        if (operation == Operation.Update)
        {
            // Before any write, and before a preview shows a plan that up could not apply.
            ownership.ThrowIfConflicts(graph.Resources.Select(r => r.Address));
        }

        var holds = ReadHolds.Decide(graph, state.Managed.Select(m => (m.Address, m.Group)), snapshot.Unreadable, _masker);
        var now = _time.GetUtcNow();
        var notes = PlanNotes.For(operation, _configuration, graph, snapshot);
        var checks = operation == Operation.Update ? LiveChecks.Run(graph, snapshot.Find, now) : [];
        var settings = new PlanSettings(_configuration.Owner, _configuration.Settings.PruneThreshold, _configuration.Port.ClientSecret,
            new Authorship(_configuration.Port.ClientId, _configuration.Settings.ExclusiveBlueprints, _configuration.ExclusiveBlueprintsKey));
        return new Planner(settings, _masker, now, ownership, holds).Build(_origin, operation, options, graph with { Diagnostics = [.. graph.Diagnostics, .. notes, .. checks] }, snapshot, state);
    }

    public async Task<ApplyResult> ApplyAsync(Plan plan, IProgress<StepResult>? progress, CancellationToken cancellationToken)
    {
        if (plan.Instructions is not { } instructions || instructions.Origin != _origin)
        {
            throw new ArgumentException("the plan was not made by this engine", nameof(plan));
        }

        var started = _time.GetTimestamp();
        var context = new ApplyContext(_services.Port, _services.Providers, _store, _time, _masker, _configuration.Port.ClientSecret, EntityBatchSize);
        var execution = new PlanExecution(context, plan, instructions, await _store.LoadAsync(cancellationToken), progress, _time.GetUtcNow());
        await execution.ExecuteAsync(cancellationToken);
        return new ApplyResult(plan, execution.Results, [.. plan.Diagnostics, .. execution.Diagnostics], _time.GetElapsedTime(started));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned.Reverse())
        {
            await owned.DisposeAsync();
        }
    }

    private Task<ResourceGraph> DeclareAsync(bool readsData, CancellationToken cancellationToken)
        => _program.DeclareAsync(new ProgramContext(_configuration.Values, _configuration.Owner, readsData, _services.ForProgram), cancellationToken);

    private Task<LiveSnapshot> ReadLiveAsync(ResourceGraph graph, StackState state, CancellationToken cancellationToken)
        => LiveSnapshot.ReadAsync(_services.Port, _services.Providers, Addresses(graph, state), cancellationToken);

    /// <summary>What is read live: the declared resources, the managed ones, and those the program notes when they exist.</summary>
    private static IEnumerable<ResourceAddress> Addresses(ResourceGraph graph, StackState state)
        => graph.Resources.Select(r => r.Address).Concat(state.Managed.Select(m => m.Address)).Concat(graph.Notices.Select(n => n.Address));
}
