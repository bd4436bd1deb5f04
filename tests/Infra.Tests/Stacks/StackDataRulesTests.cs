using Infra.Engine;
using Infra.Model;
using Infra.Spacelift;
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
    public void Valid_identifiers_are_accepted(string id)
        => Assert.Null(StackDataRules.IdentifierProblem(id));

    [Theory]
    [InlineData(null, "empty id")]
    [InlineData("", "empty id")]
    [InlineData(".", "pattern")]
    [InlineData("..", "pattern")]
    [InlineData("has space", "pattern")]
    [InlineData("tab\there", "pattern")]
    [InlineData("semi;colon", "pattern")]
    public void Invalid_identifiers_are_rejected(string? id, string problem)
        => Assert.Contains(problem, StackDataRules.IdentifierProblem(id));

    [Fact]
    public void Unpaired_surrogates_are_rejected_in_ids_and_replaced_in_text()
    {
        // Lone surrogates cannot go through attribute arguments (stored as UTF-8), hence a Fact.
        Assert.Contains("pattern", StackDataRules.IdentifierProblem("broken\ud800"));
        Assert.Equal("x\ufffdy", StackDataRules.Clean("x\ud800y"));
        Assert.Equal("x\ufffd", StackDataRules.Clean("x\udc00"));
        Assert.Equal("\ufffd\ufffd", StackDataRules.Clean("\udc00\ud800"));
    }

    [Fact]
    public void An_identifier_over_1000_characters_is_rejected()
    {
        Assert.Null(StackDataRules.IdentifierProblem(new string('a', 1000)));
        Assert.Contains("1001 characters", StackDataRules.IdentifierProblem(new string('a', 1001)));
    }

    [Fact]
    public void Rejected_and_duplicate_stacks_are_skipped_with_a_warning_each()
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
    public void Titles_are_cut_to_100_characters_ending_with_an_ellipsis(int length, int expected, bool repaired)
    {
        var check = StackDataRules.Check([Stack() with { Name = new string('n', length) }]);

        var title = Assert.Single(check.Accepted).Name;
        Assert.Equal(expected, title.Length);
        Assert.Equal(repaired, title.EndsWith('\u2026'));
        Assert.Equal(repaired ? 1 : 0, check.Diagnostics.Count);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var check = StackDataRules.Check([Stack() with { Name = new string('n', 98) + "😀😀😀" }]);

        var title = Assert.Single(check.Accepted).Name;
        Assert.Equal(new string('n', 98) + "\u2026", title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_falls_back_to_the_id(string? name)
        => Assert.Equal("s", Assert.Single(StackDataRules.Check([Stack() with { Name = name! }]).Accepted).Name);

    [Fact]
    public void Labels_are_capped_and_nulls_dropped()
    {
        var labels = Enumerable.Range(0, 150).Select(i => i == 3 ? null : $"l{i}").ToList();

        var check = StackDataRules.Check([Stack() with { Labels = labels! }]);

        var accepted = Assert.Single(check.Accepted).Labels;
        Assert.Equal(StackDataRules.MaxLabels, accepted.Count);
        Assert.DoesNotContain("l3", accepted);
        Assert.Contains("149 labels", Assert.Single(check.Diagnostics).Message);
    }

    [Fact]
    public void Null_fields_do_not_crash_and_stay_null()
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
    public void Text_is_cleaned_of_control_characters_and_broken_unicode(string input, string expected)
        => Assert.Equal(expected, StackDataRules.Clean(input));
}
