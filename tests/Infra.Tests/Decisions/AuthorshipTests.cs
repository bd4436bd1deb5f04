using System.Text.Json.Nodes;
using Infra.Cli.Decisions;

namespace Infra.Tests.Decisions;

/// <summary>Which undeclared entities the program may prune: the one rule both executors call.</summary>
public sealed class AuthorshipTests
{
    private static readonly Authorship Shared = new("client-1", exclusive: false, "infra:exclusiveBlueprints");

    private static JsonObject Entity(string id, string createdBy, string updatedBy)
        => new() { ["identifier"] = id, ["createdBy"] = createdBy, ["updatedBy"] = updatedBy };

    [Theory]
    [InlineData("client-1", "auth0|person", true)]
    [InlineData("auth0|person", "client-1", true)]
    [InlineData("client-1@clients", "client-1@clients", true)]
    [InlineData("auth0|person", "auth0|person", false)]
    [InlineData("client-10", "other@clients", false)]
    public void TheProgramWroteWhatItCreatedOrLastUpdatedUnderEitherRecordOfItsClient(string createdBy, string updatedBy, bool wrote)
        => Assert.Equal(wrote, Shared.ProgramWrote(Entity("e", createdBy, updatedBy)));

    [Fact]
    public void AnEntityWithNoAuthorIsNotTheProgramsToPrune()
        => Assert.False(Shared.ProgramWrote(new JsonObject { ["identifier"] = "e" }));

    [Fact]
    public void OthersEntitiesAreLeftAloneWithAWarningNamingWhoWroteThem()
    {
        var (prunable, others) = Shared.Split([Entity("gone", "client-1", "client-1"), Entity("by-hand", "auth0|ann", "auth0|ann"), Entity("sync", "client-2", "client-2")]);

        Assert.Equal(["gone"], prunable.Select(e => e["identifier"]!.GetValue<string>()));
        Assert.Equal(
            "2 undeclared entities of 'bp' written by someone else in Port (auth0|ann, client-2), e.g. by-hand, sync: "
            + "left alone (set infra:exclusiveBlueprints: true if the blueprint is this program's alone)",
            Shared.LeftAlone(others, "bp"));
    }

    [Fact]
    public void AManyAuthoredWarningNamesThreeAndCountsTheRest()
    {
        var others = Enumerable.Range(1, 5).Select(i => Entity($"e{i}", $"auth0|{i}", $"auth0|{i}")).ToList();

        Assert.StartsWith("5 undeclared entities of 'bp' written by someone else in Port (auth0|1, auth0|2, auth0|3 and 2 more), e.g. e1, e2, e3:", Shared.LeftAlone(others, "bp"), StringComparison.Ordinal);
    }

    [Fact]
    public void NothingLeftAloneIsNoWarning() => Assert.Null(Shared.LeftAlone([], "bp"));

    [Fact]
    public void AnExclusiveBlueprintPrunesWhateverWroteIt()
    {
        var exclusive = new Authorship("client-1", exclusive: true, "infra:exclusiveBlueprints");

        var (prunable, others) = exclusive.Split([Entity("by-hand", "auth0|ann", "auth0|ann")]);

        Assert.Single(prunable);
        Assert.Empty(others);
    }
}
