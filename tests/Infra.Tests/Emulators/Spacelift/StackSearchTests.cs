using Emulators.Spacelift.Search;
using Emulators.Spacelift.Stacks;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>Predicate and full-text semantics of searchStacks, on the search itself.</summary>
public sealed class StackSearchTests
{
    private static readonly IReadOnlyList<SequencedStack> Stacks =
    [
        Stack(0, "net-prod", repository: "infra-network", labels: ["folder:prod", "team:platform"], state: "FINISHED", administrative: true),
        Stack(1, "net-dev", repository: "infra-network", labels: ["folder:dev"], state: "FAILED", branch: "develop"),
        Stack(2, "db-prod", repository: "infra-database", labels: ["folder:prod"], state: "NONE", lockedBy: "alice", description: "Postgres cluster"),
        Stack(3, "db-dev", repository: "infra-database", labels: ["folder:dev", "infracost"], state: "FINISHED", projectRoot: "stacks/dev/db"),
    ];

    [Fact]
    public void ValuesInOnePredicateAreAlternatives()
    {
        var ids = Search(Predicate("state", enums: ["FAILED", "NONE"]));

        Assert.Equal(["net-dev", "db-prod"], ids);
    }

    [Fact]
    public void PredicatesAreCombinedWithAnd()
    {
        var ids = Search(Predicate("label", strings: ["folder:prod"]), Predicate("repository", strings: ["infra-network"]));

        Assert.Equal(["net-prod"], ids);
    }

    [Fact]
    public void ExcludeNegatesAPredicate()
    {
        var ids = Search(Predicate("label", strings: ["folder:prod"], exclude: true));

        Assert.Equal(["net-dev", "db-dev"], ids);
    }

    [Theory]
    [InlineData("administrative", true, "net-prod")]
    [InlineData("locked", true, "db-prod")]
    public void BooleanPredicatesMatch(string field, bool value, string expected)
    {
        var ids = Search(Predicate(field, booleans: [value]));

        Assert.Equal([expected], ids);
    }

    [Theory]
    [InlineData("branch", "develop", "net-dev")]
    [InlineData("projectRoot", "stacks/dev/db", "db-dev")]
    [InlineData("name", "DB-PROD", "db-prod")]
    [InlineData("repository", "acme/infra-database", "db-prod,db-dev")]
    [InlineData("name", "net-*", "net-prod,net-dev")]
    public void StringPredicatesMatchWholeValuesCaseInsensitivelyWithWildcards(string field, string value, string expected)
    {
        var ids = Search(Predicate(field, strings: [value]));

        Assert.Equal(expected.Split(','), ids);
    }

    [Theory]
    [InlineData("postgres", "db-prod")]
    [InlineData("INFRACOST", "db-dev")]
    [InlineData("net-", "net-prod,net-dev")]
    public void FullTextSearchLooksAtNameDescriptionAndLabels(string text, string expected)
    {
        var page = StackSearch.Run(Stacks, new SearchRequest(null, null, text, []), s => s.State);

        Assert.Equal(expected.Split(','), page.Edges.Select(e => e.Stack.Id));
    }

    [Fact]
    public void UnknownPredicateFieldIsRefused()
    {
        var error = Assert.Throws<SearchException>(() => Search(Predicate("colour", strings: ["blue"])));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatePredicateUsesTheEffectiveState()
    {
        var page = StackSearch.Run(Stacks, new SearchRequest(null, null, null, [Predicate("state", enums: ["QUEUED"])]), _ => "QUEUED");

        Assert.Equal(4, page.Edges.Count);
    }

    private static IReadOnlyList<string> Search(params SearchPredicate[] predicates)
        => StackSearch.Run(Stacks, new SearchRequest(null, null, null, predicates), s => s.State).Edges.Select(e => e.Stack.Id).ToArray();

    private static SearchPredicate Predicate(string field, bool[]? booleans = null, string[]? enums = null, string[]? strings = null, bool exclude = false)
        => new(field, booleans, enums, strings, exclude);

    private static SequencedStack Stack(
        long sequence,
        string id,
        string repository,
        IReadOnlyList<string> labels,
        string state,
        bool administrative = false,
        string branch = "main",
        string? lockedBy = null,
        string? description = null,
        string? projectRoot = null)
        => new(sequence, new EmulatedStack
        {
            Id = id,
            Name = id,
            Repository = repository,
            Labels = labels,
            State = state,
            Administrative = administrative,
            Branch = branch,
            LockedBy = lockedBy,
            Description = description,
            ProjectRoot = projectRoot,
            CreatedAt = 1_700_000_000 + sequence,
        });
}
