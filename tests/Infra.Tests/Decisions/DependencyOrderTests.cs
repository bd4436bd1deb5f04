using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>The order both executors write a graph in.</summary>
public sealed class DependencyOrderTests
{
    private static ResourceAddress A(string id) => new(ResourceKind.Action, id);

    private static IReadOnlyList<string> Sort(params (string Id, string[] Needs)[] nodes)
        => [.. DependencyOrder.Sort(nodes, n => A(n.Id), n => n.Needs.Select(A)).Select(n => n.Id)];

    [Fact]
    public void EachNodeComesAfterWhatItNeedsAndOtherwiseAsDeclared()
        => Assert.Equal(["b", "a", "c", "d"], Sort(("a", ["b"]), ("b", []), ("c", []), ("d", ["a", "c"])));

    [Fact]
    public void ADependencyOutsideTheNodesIsAlreadyInPlace()
        => Assert.Equal(["a", "b"], Sort(("a", ["elsewhere"]), ("b", [])));

    [Fact]
    public void ACycleIsRefusedNamingItsNodes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sort(("a", ["b"]), ("b", ["a"]), ("c", [])));

        Assert.Contains("Action a", error.Message, StringComparison.Ordinal);
        Assert.Contains("Action b", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Action c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntityNeedsItsBlueprintWithoutSayingSo()
    {
        var entity = new DesiredResource(new ResourceAddress(ResourceKind.Entity, "e", "bp"), []);

        Assert.Contains(new ResourceAddress(ResourceKind.Blueprint, "bp"), Dependencies.Of(entity));
    }
}
