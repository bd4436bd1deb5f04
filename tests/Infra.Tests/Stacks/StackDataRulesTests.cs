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
}
