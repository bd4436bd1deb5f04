using System.Text.Json.Nodes;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;
using Infra.Stacks;

namespace Infra.Tests.Engine;

public sealed class DestroyRefreshTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 4);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task DestroyDeletesEntitiesThenTheRestInReverseOrderAndLeavesNothing()
    {
        // Given
        await _f.RunAsync();

        // When
        var result = await _f.RunAsync(Operation.Destroy);

        // Then
        Assert.Equal(
            ["Entity", "Entity", "Entity", "Entity", "Automation", "ActionPermissions", "ActionPermissions", "Action", "Action", "Secret", "Secret", "Secret", "Blueprint"],
            result.Plan.Changes.Select(c => c.Address.Kind.ToString()));
        Assert.Equal(0, result.Failed);
        Assert.Empty(_f.Port.Blueprints);
        Assert.Empty(_f.Port.Actions);
        Assert.Empty(_f.Port.Secrets);
        Assert.Empty((await _f.PreviewAsync(Operation.Destroy)).Changes);
    }

    [Fact]
    public async Task DestroyOfAnEmptyOrgIsANoOp()
    {
        var result = await _f.RunAsync(Operation.Destroy);

        Assert.Empty(result.Plan.Changes);
        Assert.Equal(0, _f.Port.Writes);
    }

    [Fact]
    public async Task AResourceRemovedFromTheDeclarationsIsDeletedOnTheNextUp()
    {
        // Given: a run with blueprint A, then the configuration names blueprint B
        await _f.RunAsync();
        _f.Configuration = _f.Config("spacelift_stack_v2");

        // When
        var held = await _f.RunAsync();
        var keptBlueprints = _f.Port.Blueprints.Order(StringComparer.Ordinal).ToList();
        var forced = await _f.RunAsync(allowMassDeletion: true);

        // Then
        Assert.Equal(5, held.Plan.HeldBackDeletions);
        Assert.Equal(["space_lift_stack", "spacelift_stack_v2"], keptBlueprints);
        Assert.Equal(
            ["Delete Blueprint space_lift_stack", "Delete Entity stack-1", "Delete Entity stack-2", "Delete Entity stack-3", "Delete Entity stack-4"],
            forced.Plan.ChangeLines());
        Assert.Equal(["spacelift_stack_v2"], _f.Port.Blueprints);
        Assert.Equal(4, _f.Port.EntityIds("spacelift_stack_v2").Count);
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task AnOwnedActionNoLongerDeclaredIsDeleted()
    {
        // Given
        await _f.RunAsync();
        await _f.Port.CreateActionAsync(new JsonObject { ["identifier"] = "old_action", ["trigger"] = new JsonObject() }, CancellationToken.None);
        var store = new FileStateStore(_f.StateDir, "dev");
        var state = await store.LoadAsync(CancellationToken.None);
        await store.SaveAsync(state with { Managed = [.. state.Managed, new ManagedResource(ResourceKind.Action, "old_action")] }, CancellationToken.None);

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.Equal(["Delete Action old_action"], result.Plan.ChangeLines());
        Assert.DoesNotContain("old_action", _f.Port.Actions);
        Assert.DoesNotContain((await store.LoadAsync(CancellationToken.None)).Managed, m => m.Id == "old_action");
    }

    [Fact]
    public async Task RefreshDropsWhatIsGoneAndAdoptsWhatIsDeclared()
    {
        // Given: state that owns the trigger action, which someone deleted, and knows nothing else
        await _f.RunAsync();
        await _f.Port.DeleteActionAsync(ResourceNames.Guide.TriggerAction, CancellationToken.None);
        var store = new FileStateStore(_f.StateDir, "dev");
        await store.SaveAsync(new StackState([new ManagedResource(ResourceKind.Action, ResourceNames.Guide.TriggerAction), new ManagedResource(ResourceKind.Blueprint, "space_lift_stack")], [], null), CancellationToken.None);
        var writes = _f.Port.Writes;

        // When
        var result = await _f.RunAsync(Operation.Refresh);

        // Then
        Assert.Equal(ChangeKind.Delete, result.Plan.Change(ResourceKind.Action, ResourceNames.Guide.TriggerAction).Kind);
        Assert.Equal(ChangeKind.Same, result.Plan.Change(ResourceKind.Blueprint, "space_lift_stack").Kind);
        Assert.Equal(ChangeKind.Update, result.Plan.Change(ResourceKind.Automation, ResourceNames.Guide.TokenAutomation).Kind);
        Assert.Equal(writes, _f.Port.Writes);
        var managed = (await store.LoadAsync(CancellationToken.None)).Managed.Select(m => $"{m.Kind} {m.Id}").Order(StringComparer.Ordinal);
        // The deleted trigger took its permissions with it; the refresh action's are adopted with it.
        Assert.Equal(
            [
                $"Action {ResourceNames.Guide.RefreshAction}", $"ActionPermissions {ResourceNames.Guide.RefreshAction}", $"Automation {ResourceNames.Guide.TokenAutomation}",
                "Blueprint space_lift_stack", $"Secret {ResourceNames.Guide.ApiKeyIdSecret}", $"Secret {ResourceNames.Guide.ApiKeySecretSecret}", $"Secret {ResourceNames.Guide.TokenSecret}",
            ],
            managed);
    }

    [Fact]
    public async Task RefreshSettlesThePendingOperationsOfAnInterruptedRun()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveAt(0);
        _f.Port.CrashAfterEntities = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _f.RunAsync());
        Assert.Contains((await _f.PreviewAsync()).Diagnostics, d => d.Message.Contains("previous run stopped"));

        // When
        await _f.RunAsync(Operation.Refresh);

        // Then
        Assert.DoesNotContain((await _f.PreviewAsync()).Diagnostics, d => d.Message.Contains("previous run stopped"));
    }
}
