using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>Which undeclared entities a partial read may delete: the one rule both executors call.</summary>
public sealed class ScopedPruneTests
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly PruneScope Scope = new("stack", "createdAt", new Dictionary<string, DateTimeOffset>
    {
        ["network"] = Seen,
        ["empty"] = DateTimeOffset.MinValue,
    });

    [Theory]
    [InlineData("network", "2026-11-28T11:59:59Z", true)]
    [InlineData("network", "2026-11-28T12:00:00Z", true)]
    [InlineData("network", "2026-11-28T12:00:01Z", false)]
    [InlineData("empty", "2020-01-01T00:00:00Z", false)]
    [InlineData("gone", "2026-11-28T12:00:01Z", true)]
    [InlineData("network", "not a date", false)]
    [InlineData("network", null, false)]
    [InlineData(null, "2020-01-01T00:00:00Z", false)]
    public void AnEntityGoesOnlyIfTheReadSawItsTimeOrItsGroupIsGone(string? stack, string? createdAt, bool mayDelete)
    {
        var run = new JsonObject
        {
            ["identifier"] = "r",
            ["properties"] = new JsonObject { ["createdAt"] = createdAt },
            ["relations"] = new JsonObject { ["stack"] = stack },
        };

        Assert.Equal(mayDelete, ScopedPrune.MayDelete(run, Scope));
    }

    [Fact]
    public void WithoutAScopeEveryUndeclaredEntityMayGo()
        => Assert.True(ScopedPrune.MayDelete(new JsonObject { ["identifier"] = "x" }, null));

    [Fact]
    public void CalculatedPropertiesAreNotAnEntitysOwn()
    {
        var set = new EntitySet("stacks", [], new DataRead("Spacelift", "stacks", 1)) { Calculated = new HashSet<string> { "runs_last_30_days" } };
        var live = new JsonObject { ["properties"] = new JsonObject { ["state"] = "FINISHED", ["runs_last_30_days"] = 4 } };

        CalculatedProperties.Strip(live, set);

        Assert.Equal("""{"properties":{"state":"FINISHED"}}""", live.ToJsonString());
    }
}
