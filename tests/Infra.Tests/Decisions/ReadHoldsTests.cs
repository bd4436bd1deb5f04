using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>What a failed read holds back: the one rule both executors call.</summary>
public sealed class ReadHoldsTests
{
    private static readonly ResourceAddress Port = new(ResourceKind.Webhook, "w");
    private static readonly ResourceAddress Named = new(ResourceKind.SpaceliftWebhook, "n");
    private static readonly ResourceAddress Policy = new(ResourceKind.SpaceliftPolicy, "p");
    private static readonly ResourceAddress Alone = new(ResourceKind.Action, "a");

    private static ResourceGraph Graph(DataRead read) => new(
        [
            new(Port, []) { Group = "loop" },
            new(Named, []) { Group = "loop" },
            new(Alone, []),
        ],
        [new EntitySet("bp", [], read)]);

    [Fact]
    public void NothingFailedHoldsNothing()
    {
        var holds = ReadHolds.Decide(Graph(new DataRead("Spacelift", "stacks", 3)), [], new Dictionary<ResourceAddress, string>(), new SecretMasker());

        Assert.Empty(holds.Resources);
        Assert.Empty(holds.EntitySets);
        Assert.Empty(holds.Errors);
    }

    [Fact]
    public void AFailedDataReadHoldsItsSetWholeAndSaysWhy()
    {
        var masker = new SecretMasker([new Secret("s3cr3t")]);

        var holds = ReadHolds.Decide(Graph(new DataRead("Spacelift", "stacks", 50, "page 2 failed with s3cr3t")), [], new Dictionary<ResourceAddress, string>(), masker);

        Assert.True(holds.HoldsEntitiesOf("bp"));
        var error = Assert.Single(holds.Errors);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("reading Spacelift failed after 50 stacks (page 2 failed with [secret]); no entity of 'bp' is created, updated or deleted this run, whatever the flags", error.Message);
    }

    [Fact]
    public void AnUnreadableResourceHoldsItsWholeGroupDeclaredOrOnlyManaged()
    {
        var unreadable = new Dictionary<ResourceAddress, string> { [Named] = "GraphQL error" };

        var holds = ReadHolds.Decide(Graph(new DataRead("Spacelift", "stacks", 3)), [(Policy, "loop")], unreadable, new SecretMasker());

        Assert.Equal([Port, Named, Policy], holds.Resources.OrderBy(a => a.ToString(), StringComparer.Ordinal));
        Assert.False(holds.IsHeld(Alone));
        Assert.Contains("not created, updated or deleted", Assert.Single(holds.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedReadHoldsTheDeletionsOfTheSetsItsEntitiesRelateToButNotTheirWrites()
    {
        var read = new DataRead("Spacelift", "stacks", 3);
        var graph = new ResourceGraph([],
        [
            new EntitySet("spaces", [], read),
            new EntitySet("stacks", [], read) { Relations = new Dictionary<string, string> { ["space"] = "spaces" } },
            new EntitySet("runs", [], read with { Items = "runs", Failure = "internal error" }) { Relations = new Dictionary<string, string> { ["stack"] = "stacks" } },
        ]);

        var holds = ReadHolds.Decide(graph, [], new Dictionary<ResourceAddress, string>(), new SecretMasker());

        Assert.True(holds.HoldsEntitiesOf("runs"));
        Assert.False(holds.HoldsEntitiesOf("stacks"));
        Assert.True(holds.HoldsDeletionsOf("stacks"));
        Assert.False(holds.HoldsDeletionsOf("spaces"));
        Assert.Contains(holds.Errors, e => e.Severity == Severity.Warning
            && e.Message == "no entity of 'stacks' is deleted this run: the entities of 'runs', which could not be read, relate to them");
    }
}
