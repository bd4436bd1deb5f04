using Infra.Sdk.Spacelift;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Stacks;

namespace Infra.Tests.Stacks;

public sealed class StackDataRulesTests
{
    private static SpaceliftStack Stack(string id = "s") => new(id, "Name", "root", "d", ["a"], "repo", "FINISHED", "GITHUB", "main");

    [Theory]
    [InlineData("stack-1")]
    [InlineData("a.b_c+d:e/f\\g=h@i")]
    [InlineData("ünïcødé")]
    [InlineData("...")]
    public void ValidIdentifiersAreAccepted(string id)
        => Assert.Null(StackDataRules.IdentifierProblem(id));

    [Theory]
    [InlineData(null, "empty id")]
    [InlineData("", "empty id")]
    [InlineData(".", "pattern")]
    [InlineData("..", "pattern")]
    [InlineData("has space", "pattern")]
    [InlineData("tab\there", "pattern")]
    [InlineData("semi;colon", "pattern")]
    public void InvalidIdentifiersAreRejected(string? id, string problem)
        => Assert.Contains(problem, StackDataRules.IdentifierProblem(id));

    [Fact]
    public void UnpairedSurrogatesAreRejectedInIdsAndReplacedInText()
    {
        // Lone surrogates cannot go through attribute arguments (stored as UTF-8), hence a Fact.
        Assert.Contains("pattern", StackDataRules.IdentifierProblem("broken\ud800"));
        Assert.Equal("x\ufffdy", StackDataRules.Clean("x\ud800y"));
        Assert.Equal("x\ufffd", StackDataRules.Clean("x\udc00"));
        Assert.Equal("\ufffd\ufffd", StackDataRules.Clean("\udc00\ud800"));
    }

    [Fact]
    public void AnIdentifierOver1000CharactersIsRejected()
    {
        Assert.Null(StackDataRules.IdentifierProblem(new string('a', 1000)));
        Assert.Contains("1001 characters", StackDataRules.IdentifierProblem(new string('a', 1001)));
    }

    [Fact]
    public void RejectedAndDuplicateStacksAreSkippedWithAWarningEach()
    {
        var check = StackDataRules.Check([Stack("ok"), Stack("bad id"), Stack("ok") with { Name = "Second" }, Stack("")]);

        Assert.Equal("Name", Assert.Single(check.Accepted).Name);
        Assert.Equal(3, check.Diagnostics.Count);
        Assert.All(check.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains(check.Diagnostics, d => d.Message.Contains("duplicate id"));
        Assert.Equal(["bad id"], check.RejectedIds);
    }

    [Theory]
    [InlineData(100, 100, false)]
    [InlineData(101, 100, true)]
    [InlineData(500, 100, true)]
    public void TitlesAreCutTo100CharactersEndingWithAnEllipsis(int length, int expected, bool repaired)
    {
        var check = StackDataRules.Check([Stack() with { Name = new string('n', length) }]);

        var title = Assert.Single(check.Accepted).Name;
        Assert.Equal(expected, title.Length);
        Assert.Equal(repaired, title.EndsWith('\u2026'));
        Assert.Equal(repaired ? 1 : 0, check.Diagnostics.Count);
    }

    [Fact]
    public void ACutNeverSplitsASurrogatePair()
    {
        var check = StackDataRules.Check([Stack() with { Name = new string('n', 98) + "😀😀😀" }]);

        var title = Assert.Single(check.Accepted).Name;
        Assert.Equal(new string('n', 98) + "\u2026", title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyNameFallsBackToTheId(string? name)
        => Assert.Equal("s", Assert.Single(StackDataRules.Check([Stack() with { Name = name! }]).Accepted).Name);

    [Fact]
    public void LabelsAreCappedAndNullsDropped()
    {
        var labels = Enumerable.Range(0, 150).Select(i => i == 3 ? null : $"l{i}").ToList();

        var check = StackDataRules.Check([Stack() with { Labels = labels! }]);

        var accepted = Assert.Single(check.Accepted).Labels;
        Assert.Equal(StackDataRules.MaxLabels, accepted.Count);
        Assert.DoesNotContain("l3", accepted);
        Assert.Contains("149 labels", Assert.Single(check.Diagnostics).Message);
    }

    [Fact]
    public void NullFieldsDoNotCrashAndStayNull()
    {
        var stack = new SpaceliftStack("s", null!, null!, null, null!, null!, null!, null!, null!);

        var accepted = Assert.Single(StackDataRules.Check([stack]).Accepted);

        Assert.Null(accepted.Space);
        Assert.Empty(accepted.Labels);
    }

    [Theory]
    [InlineData("a\u0000b", "ab")]
    [InlineData("a\u001bb\u007f", "ab")]
    [InlineData("line\nbreak\ttab", "line\nbreak\ttab")]
    [InlineData("ok 😀", "ok 😀")]
    public void TextIsCleanedOfControlCharactersAndBrokenUnicode(string input, string expected)
        => Assert.Equal(expected, StackDataRules.Clean(input));

    [Fact]
    public void EveryTextFieldThatCouldOutgrowPortsBodyLimitIsCutWithAWarningNamingIt()
    {
        var huge = new string('x', 2_000_000);
        var stack = Stack() with
        {
            Description = huge,
            Space = huge,
            Repository = huge,
            State = huge,
            Provider = huge,
            Branch = huge,
            Labels = ["short", huge],
        };

        var check = StackDataRules.Check([stack]);

        var accepted = Assert.Single(check.Accepted);
        Assert.Equal(8_192, accepted.Description!.Length);
        Assert.EndsWith("x\u2026", accepted.Description);
        Assert.All([accepted.Space, accepted.Repository, accepted.State, accepted.Provider, accepted.Branch], text => Assert.Equal(1_024, text.Length));
        Assert.Equal(["short", huge[..511] + "\u2026"], accepted.Labels);
        var warning = Assert.Single(check.Diagnostics).Message;
        foreach (var field in new[] { "description is 2,000,000 characters, cut to 8,192", "space is", "repository is", "state is", "provider is", "branch is", "a label is 2,000,000 characters, cut to 512" })
        {
            Assert.Contains(field, warning);
        }
    }

    [Fact]
    public void TheCutsAreTheSameOnEveryRunSoThePreviewShowsWhatUpWrites()
    {
        var stack = Stack() with { Description = string.Concat(Enumerable.Repeat("d\U0001F600", 10_000)) };

        var first = Assert.Single(StackDataRules.Check([stack]).Accepted);
        var second = Assert.Single(StackDataRules.Check([stack]).Accepted);

        Assert.Equal(first.Description, second.Description);
        Assert.False(char.IsHighSurrogate(first.Description![^2]), "the cut split a surrogate pair");
    }

    [Fact]
    public void AStackAtEveryLimitMakesAnEntityThatFitsInOnePortRequest()
    {
        // Port refuses bodies over 1 MiB; an entity travels at least alone in {"entities":[...]}.
        const int portBodyLimit = 1024 * 1024;
        Assert.True(StackDataRules.MaxEntityBytes < portBodyLimit - (64 * 1024), $"{StackDataRules.MaxEntityBytes} bytes leave no room for the envelope");
        var costly = new string('\u20ac', 3_000_000);
        var stack = new SpaceliftStack(new string('a', 1000), costly, costly, costly, [.. Enumerable.Repeat(costly, 200)], costly, costly, costly, costly);
        var inputs = new IntegrationInputs(
            "space_lift_stack", new Uri("https://api.getport.io/"), new Uri("https://acme.app.spacelift.io/"), new Secret("id"), new Secret("secret"));

        var entity = SpaceliftIntegration.Entity(inputs, Assert.Single(StackDataRules.Check([stack]).Accepted));
        var bytes = Infra.Cli.Http.JsonWire.ToUtf8(new System.Text.Json.Nodes.JsonObject { ["entities"] = new System.Text.Json.Nodes.JsonArray(entity) }).Length;

        Assert.InRange(bytes, 1, StackDataRules.MaxEntityBytes);
    }
}
