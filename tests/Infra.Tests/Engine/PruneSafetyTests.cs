using Infra.Cli.Diagnostics;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

/// <summary>Never delete on doubt: a failed read, an empty answer, or a large share of deletions.</summary>
public sealed class PruneSafetyTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 10, pruneThreshold: 0.5);

    public void Dispose() => _f.Dispose();

    /// <summary>
    /// Issue 28, finding 4: a deletion below the gate's threshold but large (3,000 stacks down to 400 is 87%,
    /// under Ocean's 90%) went through in silence. It still goes through, with a warning a report shows first.
    /// </summary>
    [Fact]
    public async Task ALargeDeletionBelowTheThresholdGoesThroughWithAHeadlineWarning()
    {
        // Given: 3 of 10 stacks gone (30%: below the 50% threshold, above the 10% worth a look)
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveRange(7, 3);

        // When
        var plan = await _f.PreviewAsync();

        // Then
        Assert.Equal(3, plan.Changes.Count(c => c.Kind == ChangeKind.Delete));
        var warning = Assert.Single(plan.Diagnostics, d => d.Headline);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("3 of 10 entities of 'space_lift_stack' (30%) will be deleted because Spacelift no longer lists them", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEverydayDeletionIsNoHeadline()
    {
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveAt(9);

        var plan = await _f.PreviewAsync();

        Assert.Single(plan.Changes, c => c.Kind == ChangeKind.Delete);
        Assert.DoesNotContain(plan.Diagnostics, d => d.Headline);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFailedSpaceliftReadChangesNoEntityWhateverTheFlag(bool allowMassDeletion)
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveRange(6, 4);
        _f.Spacelift.Stacks[0] = _f.Spacelift.Stacks[0] with { State = "FAILED" };
        _f.Spacelift.FailAfterPages = 0;

        // When
        var result = await _f.RunAsync(allowMassDeletion: allowMassDeletion);

        // Then
        Assert.DoesNotContain(result.Plan.Changes, c => c.Address.Kind == ResourceKind.Entity && c.Kind != ChangeKind.Same);
        var error = Assert.Single(result.Plan.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("reading Spacelift failed after 0 stacks", error.Message);
        Assert.Equal(0, result.Failed);
        Assert.Equal(10, _f.Port.EntityIds("space_lift_stack").Count);
    }

    [Fact]
    public async Task APartialSpaceliftReadStillAppliesTheOtherResources()
    {
        // Given
        using var f = new EngineFixture(stacks: 120);
        f.Spacelift.FailAfterPages = 1;

        // When
        var result = await f.RunAsync();

        // Then
        Assert.Contains("after 50 stacks", Assert.Single(result.Plan.Diagnostics, d => d.Severity == Severity.Error).Message);
        Assert.Empty(f.Port.EntityIds("space_lift_stack"));
        Assert.Single(f.Port.Blueprints);
        Assert.Equal(3, f.Port.Actions.Count);
        Assert.Equal(3, f.Port.Secrets.Count);
    }

    [Fact]
    public async Task TheThresholdIsAFractionAsTheConfigLoaderGivesIt()
    {
        // Given the default threshold (infra:pruneThresholdPercent 90 loads as 0.9)
        using var f = new EngineFixture(stacks: 10, pruneThreshold: 0.9);
        await f.RunAsync();
        f.Spacelift.Stacks.RemoveAt(0);

        // When one stack in ten is gone
        var result = await f.RunAsync();

        // Then its entity is pruned: 10% is well under 90%
        Assert.False(result.DeletionsHeldBack);
        Assert.Equal(9, f.Port.EntityIds("space_lift_stack").Count);
    }

    [Fact]
    public async Task ZeroStacksWhilePortHoldsEntitiesHoldsDeletionsBack()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.Clear();

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.Empty(result.Plan.ChangeLines());
        Assert.Equal(10, result.Plan.HeldBackDeletions);
        Assert.True(result.DeletionsHeldBack);
        Assert.Equal(0, result.Failed);
        var warning = Assert.Single(result.Plan.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Contains("Spacelift returned 0 stacks while Port holds 10 entities", warning.Message);
        Assert.Contains("--allow-mass-delete", warning.Message);
        Assert.Equal(10, _f.Port.EntityIds("space_lift_stack").Count);
    }

    [Fact]
    public async Task ZeroStacksWithTheFlagDeletesEveryEntity()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.Clear();

        // When
        var result = await _f.RunAsync(allowMassDeletion: true);

        // Then
        Assert.Equal(10, result.Plan.ChangeLines().Length);
        Assert.False(result.DeletionsHeldBack);
        var warning = Assert.Single(result.Plan.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Contains("mass deletion was allowed", warning.Message);
        Assert.DoesNotContain("--allow-mass-delete", warning.Message);
        Assert.Empty(_f.Port.EntityIds("space_lift_stack"));
    }

    [Theory]
    [InlineData(6, false, 0)]
    [InlineData(6, true, 6)]
    [InlineData(5, false, 5)]
    public async Task DeletingAShareAboveTheThresholdNeedsTheFlag(int removed, bool allowMassDeletion, int expectedDeletes)
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveRange(0, removed);

        // When
        var result = await _f.RunAsync(allowMassDeletion: allowMassDeletion);

        // Then
        Assert.Equal(expectedDeletes, result.Plan.Changes.Count(c => c.Kind == ChangeKind.Delete));
        Assert.Equal(removed - expectedDeletes, result.Plan.HeldBackDeletions);
        Assert.Equal(10 - expectedDeletes, _f.Port.EntityIds("space_lift_stack").Count);
        if (expectedDeletes == 0)
        {
            Assert.Contains(result.Plan.Diagnostics, d => d.Message.Contains("6 of 10 entities") && d.Message.Contains("above the 50% prune threshold"));
        }
    }
}
