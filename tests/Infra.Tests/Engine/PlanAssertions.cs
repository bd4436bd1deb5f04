using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

internal static class PlanAssertions
{
    /// <summary>The non-same changes as "Kind Type-kind id" lines, sorted, for exact comparisons.</summary>
    public static string[] ChangeLines(this Plan plan) =>
        [.. plan.Changes.Where(c => c.Kind != ChangeKind.Same).Select(c => $"{c.Kind} {c.Address.Kind} {c.Address.Id}").Order(StringComparer.Ordinal)];

    public static ResourceChange Change(this Plan plan, ResourceKind kind, string id)
        => Assert.Single(plan.Changes, c => c.Address.Kind == kind && c.Address.Id == id);

    public static void AssertNoChanges(this Plan plan)
        => Assert.False(plan.HasChanges, "expected no changes, got: " + string.Join(", ", plan.ChangeLines()));
}
