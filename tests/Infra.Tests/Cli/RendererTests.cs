using Infra.Cli.Shell.Rendering.Markdown;
using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Shell.Rendering;
using Infra.Cli.Shell.Running;
using Infra.Cli.Shell;
using Infra.Cli.Engine;
using Infra.Sdk;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Cli;

public sealed class RendererTests
{
    [Theory]
    [InlineData(0.2, "1s")]
    [InlineData(59.01, "1m0s")]
    [InlineData(502, "8m22s")]
    [InlineData(3725, "1h2m5s")]
    public void DurationIsRoundedUpToWholeSecondsInGoStyle(double seconds, string expected)
        => Assert.Equal(expected, TextRenderer.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void SummaryCountsChangesOnlyWhenThereAreSeveralKinds()
    {
        var plan = new Plan("p", "s",
        [
            Change(ResourceKind.Entity, "a", ChangeKind.Create),
            Change(ResourceKind.Entity, "b", ChangeKind.Create),
            Change(ResourceKind.Entity, "c", ChangeKind.Same),
        ], []);

        var text = Render(new RunReport(CliVerb.Preview, plan));

        Assert.Contains("Resources:\n    + 2 to create\n    1 unchanged\n", text);
        Assert.DoesNotContain("changes", text);
    }

    [Fact]
    public void TextListsAtMostTheEntityLimitAndCountsTheRest()
    {
        var text = Render(new RunReport(CliVerb.Preview, Fixtures.ManyEntities(60)), new TextOptions(EntityLimit: 10));

        Assert.Equal(10, text.Split('\n').Count(l => l.Contains("port:index/entity:Entity")));
        Assert.Contains("    ... and 50 more entity changes\n", text);
    }

    [Fact]
    public void UpdateInfoGroupsAddedChangedAndRemovedPaths()
    {
        var change = Fixtures.SmallPlan().Changes.Single(c => c.Address.Id == "trigger_spacelift_stack");

        Assert.Equal("[diff: +description~title,invocationMethod.url-icon]", PropertyLines.DiffInfo(change));
    }

    [Fact]
    public void MarkdownOfThreeThousandEntitiesStaysUnderGitHubsLimit()
    {
        var markdown = MarkdownReport.Render(new RunReport(CliVerb.Preview, Fixtures.ManyEntities()), details: true);

        Assert.True(markdown.Length < MarkdownReport.MaxLength, $"{markdown.Length} characters");
        Assert.Contains("… and 2,950 more entity changes (2,950 create) not listed.", markdown);
        Assert.Equal(MarkdownReport.EntityLimit + 1, markdown.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains("`port:index/")));
    }

    [Fact]
    public void MarkdownLeavesOutDetailsThatDoNotFitAndSaysSo()
    {
        var huge = new Plan("p", "s",
        [
            .. Enumerable.Range(0, 40).Select(i => new ResourceChange(
                new ResourceAddress(ResourceKind.Action, $"action-{i}"), ChangeKind.Update,
                [.. Enumerable.Range(0, 60).Select(j => new PropertyDiff($"p{j}", DiffKind.Update, new string('a', 300), new string('b', 300)))],
                null, null)),
        ], []);

        var markdown = MarkdownReport.Render(new RunReport(CliVerb.Preview, huge), details: true);

        Assert.True(markdown.Length < MarkdownReport.MaxLength, $"{markdown.Length} characters");
        Assert.Contains("more resources left out to stay within GitHub's comment size limit", markdown);
    }

    [Fact]
    public void MarkdownStaysUnderTheLimitEvenWithThousandCharacterIdentifiersAndMessages()
    {
        var plan = new Plan("p", "s",
        [
            .. Enumerable.Range(0, 200).Select(i => new ResourceChange(
                new ResourceAddress(ResourceKind.Secret, new string('s', 990) + i), ChangeKind.Update,
                [.. Enumerable.Range(0, 8).Select(j => new PropertyDiff(new string('p', 500) + j, DiffKind.Add, null, 1))], null, null)),
        ],
        [.. Enumerable.Range(0, 200).Select(i => new Diagnostic(Severity.Warning, new string('w', 5000)))]);

        var markdown = MarkdownReport.Render(new RunReport(CliVerb.Preview, plan), details: true);

        Assert.True(markdown.Length <= MarkdownReport.MaxLength, $"{markdown.Length} characters");
        Assert.StartsWith(MarkdownReport.Marker("s"), markdown);
    }

    [Fact]
    public void MarkdownCannotBeBrokenByBackticksOrPipesInValues()
    {
        var plan = new Plan("p", "s",
        [
            new ResourceChange(new ResourceAddress(ResourceKind.Entity, "a|b"), ChangeKind.Update,
                [new PropertyDiff("properties.description", DiffKind.Update, "```", "x | y")], null, null),
        ], []);

        var markdown = MarkdownReport.Render(new RunReport(CliVerb.Preview, plan), details: true);

        Assert.Contains("`a\\|b`", markdown);
        Assert.Contains("````diff", markdown);
    }

    [Fact]
    public void StreamingDisplayPrintsResourceStepsAndEntityCountsEveryTenthNotEveryEntity()
    {
        var console = new TestConsole();
        var renderer = new TextRenderer(new ConsoleText(console), new TextOptions());
        var display = new StreamingApplyDisplay(renderer, entityTotal: 1000, TimeProvider.System);

        display.Report(new StepResult(Change(ResourceKind.Blueprint, "bp", ChangeKind.Update), StepOutcome.Succeeded));
        for (var i = 0; i < 1000; i++)
        {
            display.Report(new StepResult(Change(ResourceKind.Entity, $"e{i}", ChangeKind.Create), i == 3 ? StepOutcome.Failed : StepOutcome.Succeeded));
        }

        var lines = console.Output.NormalizeLineEndings().TrimEnd('\n').Split('\n');
        Assert.Equal(" ~  port:index/blueprint:Blueprint bp updated", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.Equal("    entities: 100 of 1,000 done (1 failed)", lines[1]);
        Assert.Equal("    entities: 1,000 of 1,000 done (1 failed)", lines[^1]);
    }

    [Fact]
    public void StreamingDisplayPrintsOneCountForAFewEntities()
    {
        var console = new TestConsole();
        var display = new StreamingApplyDisplay(new TextRenderer(new ConsoleText(console), new TextOptions()), 20, TimeProvider.System);

        for (var i = 0; i < 20; i++)
        {
            display.Report(new StepResult(Change(ResourceKind.Entity, $"e{i}", ChangeKind.Update), StepOutcome.Succeeded));
        }

        Assert.Equal("    entities: 20 of 20 done\n", console.Output.NormalizeLineEndings());
    }

    [Fact]
    public void StreamingDisplayAlsoCountsWhenTimePassesWithoutATenth()
    {
        var console = new TestConsole();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        var display = new StreamingApplyDisplay(new TextRenderer(new ConsoleText(console), new TextOptions()), 1000, clock);

        display.Report(new StepResult(Change(ResourceKind.Entity, "a", ChangeKind.Create), StepOutcome.Succeeded));
        clock.Advance(StreamingApplyDisplay.CountInterval);
        display.Report(new StepResult(Change(ResourceKind.Entity, "b", ChangeKind.Create), StepOutcome.Succeeded));

        Assert.Equal("    entities: 2 of 1,000 done\n", console.Output.NormalizeLineEndings());
    }

    private static string Render(RunReport report, TextOptions? options = null)
    {
        var console = new TestConsole();
        new TextRenderer(new ConsoleText(console), options ?? new TextOptions()).Plan(report);
        return console.Output.NormalizeLineEndings();
    }

    private static ResourceChange Change(ResourceKind kind, string id, ChangeKind change) =>
        new(new ResourceAddress(kind, id), change, [], null, null);
}
