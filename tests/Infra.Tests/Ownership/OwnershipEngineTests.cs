using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Cli.Decisions.Ownership;
using Infra.Sdk;
using Infra.Tests.Engine;
using Infra.Cli.Engine.Contract;
using Infra.Stacks;

namespace Infra.Tests.Ownership;

/// <summary>Ownership inside the engine, against an in-memory Port: what a run does with marks it finds.</summary>
public sealed class OwnershipEngineTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 2);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_token_from_an_older_version_not_yet_due_is_re_minted_to_be_marked()
    {
        // Given: an older version's run, whose token description has a validUntil but no owner mark
        await _f.RunAsync();
        var token = ResourceNames.Guide.TokenSecret;
        _f.Port.SetSecretOutOfBand(token, "eyJ.old.sig", "Managed by infra \u00b7 validUntil:2026-11-28T20:00:00Z");

        var plan = await _f.PreviewAsync();
        await _f.RunAsync();

        var change = plan.Change(ResourceKind.Secret, token);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal("no owner mark in Port: adopted by infra/dev and marked", change.Reason);
        Assert.Equal(new StackOwner("infra", "dev"), OwnerMark.Read(_f.Port.SecretDescription(token)));
        Assert.NotEqual("eyJ.old.sig", _f.Port.SecretValue(token));
    }

    [Fact]
    public async Task Another_stacks_resource_stops_the_plan_before_any_write()
    {
        await _f.RunAsync();
        var writes = _f.Port.Writes;
        _f.Configuration = _f.Configuration with { Stack = "other" };

        var error = await Assert.ThrowsAsync<OwnershipConflictException>(() => _f.RunAsync());

        Assert.Equal(writes, _f.Port.Writes);
        Assert.Equal(7, error.Conflicts.Count);
        Assert.All(error.Conflicts, c => Assert.Equal(new StackOwner("infra", "dev"), c.MarkedOwner));
    }

    [Fact]
    public async Task Destroy_leaves_another_stacks_resources_and_forgets_them()
    {
        await _f.RunAsync();
        var writes = _f.Port.Writes;
        _f.Configuration = _f.Configuration with { Stack = "other" };

        var result = await _f.RunAsync(Operation.Destroy);

        Assert.Equal(writes, _f.Port.Writes);
        // The seven resources and both actions' permissions, which belong to their action's owner.
        Assert.Equal(9, result.Diagnostics.Count(d => d.Message.Contains("belongs to stack infra/dev: left in Port", StringComparison.Ordinal)));
        Assert.Equal(2, _f.Port.EntityIds("space_lift_stack").Count);
    }

    [Fact]
    public async Task Refresh_drops_another_stacks_resources_from_state_without_adopting_them()
    {
        await _f.RunAsync();
        _f.Configuration = _f.Configuration with { Stack = "other" };

        var plan = await _f.PreviewAsync(Operation.Refresh);
        await _f.RunAsync(Operation.Refresh);

        Assert.Equal(9, plan.Changes.Count(c => c.Kind == ChangeKind.Delete && c.Reason == "belongs to stack infra/dev: dropped from state"));
        Assert.DoesNotContain(plan.Changes, c => c.Kind != ChangeKind.Delete);
        var state = await new FileStateStore(_f.StateDir, "dev").LoadAsync(CancellationToken.None);
        Assert.Empty(state.Managed);
    }
}
