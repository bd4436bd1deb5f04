using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Stacks;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

public sealed class UpdateScenarioTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 5);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task PreviewOfAnEmptyOrgCreatesEverythingInApplyOrderAndWritesNothing()
    {
        // When
        var plan = await _f.PreviewAsync();

        // Then
        Assert.Equal(
            ["Blueprint", "Secret", "Secret", "Secret", "Action", "Action", "ActionPermissions", "ActionPermissions", "Automation", "Entity", "Entity", "Entity", "Entity", "Entity"],
            plan.Changes.Select(c => c.Address.Kind.ToString()));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.Create, c.Kind));
        Assert.Equal(0, _f.Port.Writes);
        Assert.Equal(0, _f.Spacelift.Mints);
    }

    [Fact]
    public async Task UpThenPreviewShowsNoChanges()
    {
        // Given
        var result = await _f.RunAsync();
        Assert.Equal(0, result.Failed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.False(result.DeletionsHeldBack);

        // When
        var plan = await _f.PreviewAsync();

        // Then
        plan.AssertNoChanges();
        Assert.Equal(14, plan.Summary[ChangeKind.Same]);
        Assert.Equal(5, _f.Port.EntityIds("space_lift_stack").Count);
    }

    [Fact]
    public async Task AFreshStateDirectoryStillPlansNoChanges()
    {
        // Given
        await _f.RunAsync();
        File.Delete(_f.StateFile);

        // When
        var plan = await _f.PreviewAsync();

        // Then
        plan.AssertNoChanges();
    }

    [Fact]
    public async Task AnIdleRunSendsZeroWritesAndMintsNothing()
    {
        // Given
        await _f.RunAsync();
        var writes = _f.Port.Writes;
        var mints = _f.Spacelift.Mints;

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.Equal(writes, _f.Port.Writes);
        Assert.Equal(mints, _f.Spacelift.Mints);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Succeeded, s.Outcome));
    }

    [Fact]
    public async Task UnchangedEntitiesKeepNoBodiesInThePlan()
    {
        // Given
        await _f.RunAsync();

        // When
        var plan = await _f.PreviewAsync();

        // Then: a 20,000-stack idle plan must not hold two copies of every entity
        var sames = plan.Changes.Where(c => c.Address.Kind == ResourceKind.Entity).ToList();
        Assert.NotEmpty(sames);
        Assert.All(sames, c => Assert.Equal((ChangeKind.Same, (object?)null, (object?)null), (c.Kind, (object?)c.Old, (object?)c.New)));
    }

    [Fact]
    public async Task AddedChangedAndRemovedStacksGiveExactlyThoseEntityChanges()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveAt(4);
        _f.Spacelift.Stacks[0] = _f.Spacelift.Stacks[0] with { State = "FAILED" };
        _f.Spacelift.Stacks.Add(EngineFixture.Stack(6));

        // When
        var plan = await _f.PreviewAsync();

        // Then
        Assert.Equal(["Create Entity stack-6", "Delete Entity stack-5", "Update Entity stack-1"], plan.ChangeLines());
        var update = plan.Change(ResourceKind.Entity, "stack-1");
        var diff = Assert.Single(update.Diffs);
        Assert.Equal("properties.state", diff.Path);
        Assert.Equal("FINISHED", diff.Old!.GetValue<string>());
        Assert.Equal("FAILED", diff.New!.GetValue<string>());
    }

    [Fact]
    public async Task OnePercentOfStacksChangedWritesOnePercentOfEntities()
    {
        // Given
        using var f = new EngineFixture(stacks: 200);
        await f.RunAsync();
        var writes = f.Port.Writes;
        f.Spacelift.Stacks[10] = f.Spacelift.Stacks[10] with { Branch = "release" };
        f.Spacelift.Stacks[20] = f.Spacelift.Stacks[20] with { Labels = ["x"] };

        // When
        await f.RunAsync();

        // Then
        Assert.Equal(writes + 2, f.Port.Writes);
        Assert.Equal("release", f.Port.Entity("space_lift_stack", "stack-11")!["properties"]!["branch"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARejectedEntityFailsAloneAndARerunConverges()
    {
        // Given
        _f.Port.RejectEntity = e => e["identifier"]!.GetValue<string>() == "stack-3" ? "The provided entity does not match the blueprint's schema" : null;
        var progress = new List<StepResult>();

        // When
        var result = await _f.RunAsync(progress: new SyncProgress(progress));

        // Then
        var failed = Assert.Single(result.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal("stack-3", failed.Change.Address.Id);
        Assert.Equal("The provided entity does not match the blueprint's schema", failed.Message);
        Assert.Equal(1, result.Failed);
        Assert.Equal(4, _f.Port.EntityIds("space_lift_stack").Count);
        Assert.Contains(progress, p => p.Outcome == StepOutcome.Failed && p.Change.Address.Id == "stack-3");

        // And when Port accepts it again
        _f.Port.RejectEntity = null;
        var rerun = await _f.RunAsync();
        Assert.Equal(["Create Entity stack-3"], rerun.Plan.ChangeLines());
        Assert.Equal(0, rerun.Failed);
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task ACrashInTheMiddleOfAnEntityBatchConvergesOnTheNextRun()
    {
        // Given
        using var f = new EngineFixture(stacks: 30);
        f.Port.CrashAfterEntities = 12;

        // When
        await Assert.ThrowsAsync<InvalidOperationException>(() => f.RunAsync());

        // Then
        Assert.Equal(12, f.Port.EntityIds("space_lift_stack").Count);
        var rerun = await f.RunAsync();
        Assert.Equal(18, rerun.Plan.ChangeLines().Length);
        Assert.Equal(0, rerun.Failed);
        (await f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task ACrashDuringEntityDeletionIsReportedAndFinishedByTheNextRun()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveRange(3, 2);
        _f.Port.CrashAfterEntities = 1;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _f.RunAsync());

        // When
        var plan = await _f.PreviewAsync();

        // Then
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("previous run stopped during: delete 2 Entity space_lift_stack"));
        Assert.Equal(["Delete Entity stack-5"], plan.ChangeLines());
        await _f.RunAsync();
        var after = await _f.PreviewAsync();
        after.AssertNoChanges();
        Assert.DoesNotContain(after.Diagnostics, d => d.Message.Contains("previous run"));
    }

    [Fact]
    public async Task AHeaderAddedInTheUiIsDetectedAndRemoved()
    {
        // Given
        await _f.RunAsync();
        var edited = _f.Port.Action(ResourceNames.Guide.TriggerAction)!.DeepClone().AsObject();
        edited["invocationMethod"]!["headers"]!["X-Debug"] = "1";
        _f.Port.PutActionOutOfBand(ResourceNames.Guide.TriggerAction, edited);

        // When
        var plan = await _f.PreviewAsync();

        // Then
        var change = plan.Change(ResourceKind.Action, ResourceNames.Guide.TriggerAction);
        Assert.Equal(ChangeKind.Update, change.Kind);
        var diff = Assert.Single(change.Diffs);
        Assert.Equal(("invocationMethod.headers.X-Debug", DiffKind.Delete), (diff.Path, diff.Kind));
        await _f.RunAsync();
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task ASecretChangedOutsideTheProgramIsRewrittenWithItsValueMasked()
    {
        // Given
        await _f.RunAsync();
        _f.Port.SetSecretOutOfBand(ResourceNames.Guide.ApiKeySecretSecret, "something-else", "edited in the UI");

        // When
        var plan = await _f.PreviewAsync();

        // Then
        var change = plan.Change(ResourceKind.Secret, ResourceNames.Guide.ApiKeySecretSecret);
        Assert.Equal(ChangeKind.Update, change.Kind);
        var value = Assert.Single(change.Diffs, d => d.Path == "secretValue");
        Assert.Equal(Secret.Mask, value.New!.GetValue<string>());
        await _f.RunAsync();
        Assert.Equal(EngineFixture.ApiKeySecret, _f.Port.SecretValue(ResourceNames.Guide.ApiKeySecretSecret));
    }

    [Fact]
    public async Task ANewApiKeySecretIsWrittenAndTheTokenReMinted()
    {
        // Given
        await _f.RunAsync();
        _f.Configuration = _f.Configuration with { Spacelift = _f.Configuration.Spacelift with { ApiKeySecret = new Secret("rotated-key-secret") } };

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.Equal(
            ["Update Secret SPACELIFT_API_KEY_SECRET", "Update Secret SPACELIFT_TOKEN"],
            result.Plan.ChangeLines());
        Assert.Equal("rotated-key-secret", _f.Port.SecretValue(ResourceNames.Guide.ApiKeySecretSecret));
        Assert.Equal(2, _f.Spacelift.Mints);
    }

    [Fact]
    public async Task InvalidStackDataIsDiagnosedAndNeverDeletesTheExistingEntity()
    {
        // Given
        await _f.RunAsync();
        var bad = EngineFixture.Stack(2) with { Id = "stack 2" };
        _f.Port.SeedEntity("space_lift_stack", new JsonObject { ["identifier"] = "stack 2", ["title"] = "legacy", ["properties"] = new JsonObject() });
        _f.Spacelift.Stacks.Add(bad);

        // When
        var plan = await _f.PreviewAsync();

        // Then
        plan.AssertNoChanges();
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("'stack 2' skipped"));
    }

    [Fact]
    public async Task AFailedBlueprintSkipsItsEntitiesAndAppliesTheRest()
    {
        // Given
        _f.Configuration = _f.Config("bad blueprint id");
        var port = new FailingBlueprintPort(_f.Port);
        await using var engine = new StackEngine(new SpaceliftIntegration(), _f.Configuration, _f.Services(port), new FileStateStore(_f.StateDir, "dev"), _f.Time);

        // When
        var plan = await engine.PlanAsync(Operation.Update, new PlanOptions(), CancellationToken.None);
        var result = await engine.ApplyAsync(plan, null, CancellationToken.None);

        // Then
        Assert.Equal("invalid identifier", Assert.Single(result.Steps, s => s.Outcome == StepOutcome.Failed).Message);
        Assert.Equal(5, result.Steps.Count(s => s.Outcome == StepOutcome.Skipped));
        Assert.Equal(8, result.Steps.Count(s => s.Outcome == StepOutcome.Succeeded));
        Assert.Equal(3, _f.Port.Actions.Count);
    }

    [Fact]
    public async Task PreviewSavesNothingAndUpSavesAfterEachResourceStepAndEntityBatch()
    {
        // Given
        using var f = new EngineFixture(stacks: 25);
        var store = new CountingStore(new FileStateStore(f.StateDir, "dev"));
        await using var engine = new StackEngine(new SpaceliftIntegration(), f.Configuration, f.Services(), store, f.Time) { EntityBatchSize = 10 };

        // When
        var plan = await engine.PlanAsync(Operation.Update, new PlanOptions(), CancellationToken.None);
        var savesAfterPreview = store.Saves;
        await engine.ApplyAsync(plan, null, CancellationToken.None);

        // Then: 9 resources (the actions' permissions included), 3 batches of entities, and the final record
        Assert.Equal(0, savesAfterPreview);
        Assert.Equal(13, store.Saves);
        Assert.Equal(34, (await store.LoadAsync(CancellationToken.None)).LastRun!.Succeeded);
    }

    [Fact]
    public async Task ApplyingAPlanFromAnotherEngineIsRefused()
    {
        var plan = await _f.PreviewAsync();
        await using var engine = _f.Engine();
        await Assert.ThrowsAsync<ArgumentException>(() => engine.ApplyAsync(plan, null, CancellationToken.None));
    }

    private sealed class CountingStore(IStateStore inner) : IStateStore
    {
        public int Saves { get; private set; }

        public Task<StackState> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

        public Task SaveAsync(StackState state, CancellationToken cancellationToken)
        {
            Saves++;
            return inner.SaveAsync(state, cancellationToken);
        }
    }

    private sealed class SyncProgress(List<StepResult> sink) : IProgress<StepResult>
    {
        public void Report(StepResult value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }

    private sealed class FailingBlueprintPort(Fakes.InMemoryPortClient inner) : Fakes.DelegatingPort(inner)
    {
        public override Task CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken)
            => kind != ResourceKind.Blueprint ? base.CreateAsync(kind, body, value, cancellationToken) : throw new Infra.Cli.Port.PortApiException(System.Net.HttpStatusCode.UnprocessableEntity, "invalid_request", "invalid identifier");
    }
}
