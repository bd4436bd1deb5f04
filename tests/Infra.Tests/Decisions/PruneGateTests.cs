using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>When a prune is in doubt: the one rule both executors call.</summary>
public sealed class PruneGateTests
{
    private static DataRead Read(int seen) => new("Spacelift", "stacks", seen);

    [Fact]
    public void NothingToDeleteIsNoDoubt() => Assert.Null(PruneGate.Doubt(0, 10, Read(0), 0.5, "bp"));

    [Fact]
    public void AReadThatReturnedNothingWhilePortHoldsEntitiesIsADoubt()
        => Assert.Equal("Spacelift returned 0 stacks while Port holds 3 entities of 'bp'", PruneGate.Doubt(3, 3, Read(0), 0.9, "bp"));

    [Theory]
    [InlineData(5, 10, null)]
    [InlineData(6, 10, "6 of 10 entities of 'bp' (60%) would be deleted, above the 50% prune threshold")]
    public void AShareAboveTheThresholdIsADoubt(int toDelete, int live, string? expected)
        => Assert.Equal(expected, PruneGate.Doubt(toDelete, live, Read(4), 0.5, "bp"));

    [Fact]
    public void AnOrphanBlueprintWithEntitiesIsADoubt()
    {
        Assert.Null(PruneGate.OrphanDoubt("old", 0));
        Assert.Equal("blueprint 'old' is no longer declared but holds 2 entities", PruneGate.OrphanDoubt("old", 2));
    }
}
