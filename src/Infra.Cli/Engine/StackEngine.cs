using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Engine.State;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine.Ownership;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;
using Infra.Cli.Engine.Contract;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Engine;

/// <summary>
/// Runs a <see cref="StackProgram"/>: plans its declarations against live Port and applies plans,
/// saving state after every step so that a run killed at any moment converges on the next one. Owns what it is given to dispose (clients' host, lock).
/// </summary>
public sealed class StackEngine : IStackEngine
{
    private readonly StackProgram _program;
    private readonly StackConfiguration _configuration;
    private readonly IPortClient _port;
    private readonly ISpaceliftClient _spacelift;
    private readonly IStateStore _store;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IAsyncDisposable> _owned;
    private readonly SecretMasker _masker;

    public StackEngine(
        StackProgram program,
        StackConfiguration configuration,
        IPortClient port,
        ISpaceliftClient spacelift,
        IStateStore store,
        TimeProvider time,
        IReadOnlyList<IAsyncDisposable>? owned = null)
    {
        _program = program;
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

    /// <summary>The name written into every resource's owner mark.</summary>
    private StackOwner Owner => new(_configuration.Project, _configuration.Stack);

    public async Task<Plan> PlanAsync(Operation operation, PlanOptions options, CancellationToken cancellationToken)
    {
        var state = await _store.LoadAsync(cancellationToken);
        var stacksTask = operation == Operation.Update ? ReadStacksAsync(cancellationToken) : Task.FromResult<(List<SpaceliftStack>, SpaceliftRead)>(([], new SpaceliftRead(0, null)));
        var identities = Declare([]);
        var addresses = identities.State.Resources.Select(r => r.Address)
            .Concat(state.Managed.Select(m => m.Address))
            .Where(a => !a.Kind.BulkPerBlueprint);
        if (operation == Operation.Update)
        {
            // Only to note it: see PlanNotes.
            addresses = addresses.Append(PlanNotes.SpareSecret);
        }

        var liveTask = LiveSnapshot.ReadAsync(_port, addresses, cancellationToken, _spacelift);
        await Task.WhenAll(stacksTask, liveTask);
        var (stacks, read) = await stacksTask;
        var live = await liveTask;
        LiveUpdateSecrets.MaskReadBack(live.Resources, _masker);
        var declaration = operation == Operation.Update ? Declare(stacks, LiveUpdateSecrets.IngestUrl(live.Resources)) : identities;
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

        return new Planner(settings, _masker, _time.GetUtcNow(), ownership).Build(this, operation, options, declaration, live, state, read);
    }

    public async Task<ApplyResult> ApplyAsync(Plan plan, IProgress<StepResult>? progress, CancellationToken cancellationToken)
    {
        if (plan.Instructions is not { } instructions || !ReferenceEquals(instructions.Planner, this))
        {
            throw new ArgumentException("the plan was not made by this engine", nameof(plan));
        }

        var started = _time.GetTimestamp();
        var context = new ApplyContext(_port, _spacelift, _store, _time, _masker, _configuration.Port.ClientSecret, EntityBatchSize);
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

    private Declaration Declare(IReadOnlyList<SpaceliftStack> stacks, string? ingestUrl = null)
        => _program(DeclarationInputs.For(_configuration, ingestUrl), stacks);

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
}
