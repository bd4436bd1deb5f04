using System.Text.Json;
using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Rendering.Markdown;
using Infra.Cli.Shell.Rendering.Text;
using Infra.Tests.Cli.Fakes;
using Spectre.Console;

namespace Infra.Tests.Cli;

public sealed class OutputTests
{
    [Fact]
    public async Task JsonOutputIsOneParsableDocumentWithStepsSummaryAndOutcomes()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Engine.Apply = Fixtures.SmallResult;

        var run = await cli.RunAsync("up --stack dev --yes --json");

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("up", root.GetProperty("operation").GetString());
        Assert.Equal("failed", root.GetProperty("result").GetString());
        Assert.Equal(7, root.GetProperty("steps").GetArrayLength());
        Assert.Equal(1, root.GetProperty("changeSummary").GetProperty("failed").GetInt32());
        var failed = root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("outcome").GetString() == "failed");
        Assert.Equal("urn:pulumi:dev::infra::port:index/entity:Entity::stack-b", failed.GetProperty("urn").GetString());
        Assert.Equal(83.2, root.GetProperty("duration").GetDouble());
    }

    [Fact]
    public async Task PreviewJsonSaysChangesProposedAndHasNoDuration()
    {
        var run = await new CliHarness(Fixtures.SmallPlan()).RunAsync("preview --stack dev --json");

        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("changes-proposed", root.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("duration").ValueKind);
        Assert.False(root.GetProperty("deletionsHeldBack").GetBoolean());
    }

    [Fact]
    public async Task AHeadlineDiagnosticOpensTheMarkdownPlanAboveTheChanges()
    {
        var plan = Fixtures.SmallPlan();
        var headline = new Infra.Sdk.Diagnostic(Infra.Sdk.Severity.Warning, "2,600 of 3,000 entities of 'space_lift_stack' (86.7%) will be deleted") { Headline = true };
        var cli = new CliHarness(plan with { Diagnostics = [.. plan.Diagnostics, headline] });

        var run = await cli.RunAsync("preview --stack dev --format markdown");

        var callout = run.Output.IndexOf("> [!WARNING]\n> 2,600 of 3,000 entities", StringComparison.Ordinal);
        Assert.True(callout > 0, run.Output);
        Assert.True(callout < run.Output.IndexOf("| `", StringComparison.Ordinal), "the callout comes before the table of changes");
    }

    [Theory]
    [InlineData("preview --stack dev --diff")]
    [InlineData("preview --stack dev --json --show-sames")]
    [InlineData("preview --stack dev --format markdown --diff")]
    [InlineData("up --stack dev --yes --diff")]
    [InlineData("up --stack dev --yes --json")]
    public async Task APlantedSecretNeverReachesAnyOutput(string commandLine)
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Engine.Apply = Fixtures.SmallResult;

        var run = await cli.RunAsync(commandLine);

        Assert.Contains("[secret]", run.Output);
        Assert.DoesNotContain(FakeConfigurationSource.PlantedSecret, run.Output + run.Error);
        // The engine received the real value: the test would be empty if the secret never existed.
        Assert.Equal(FakeConfigurationSource.PlantedSecret, cli.Engines.Configuration!.Port.ClientSecret.Reveal());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("1", false)]
    public void ConsoleEmitsColourOnlyOnATerminalWithoutNoColor(string? noColor, bool expectEscapes)
    {
        var writer = new StringWriter();
        var environment = new CliEnvironment(new Dictionary<string, string?> { ["NO_COLOR"] = noColor });
        var console = ConsoleFactory.Create(writer, isTerminal: true, canPrompt: false, environment);

        new ConsoleText(console).Line(new Span("created", new Style(Color.Green)));

        Assert.Equal(expectEscapes, writer.ToString().Contains('\u001b'));
        Assert.Contains("created", writer.ToString());
    }

    [Fact]
    public void NoColorKeepsATerminalInteractiveSoThePromptStillWorks()
    {
        var environment = new CliEnvironment(new Dictionary<string, string?> { ["NO_COLOR"] = "1" });

        var console = ConsoleFactory.Create(new StringWriter(), isTerminal: true, canPrompt: true, environment);

        Assert.True(console.Profile.Capabilities.Interactive);
        Assert.True(console.Profile.Capabilities.Ansi);
        Assert.Equal(ColorSystem.NoColors, console.Profile.Capabilities.ColorSystem);
    }

    [Fact]
    public void RedirectedOutputIsPlainAndNeverPrompts()
    {
        var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal: false, canPrompt: true, CliEnvironment.Empty);

        new ConsoleText(console).Line(new Span("deleted", new Style(Color.Red)));

        Assert.Equal("deleted" + Environment.NewLine, writer.ToString());
        Assert.False(console.Profile.Capabilities.Interactive);
    }

    [Fact]
    public async Task InteractiveNoDeclinesWithExitEightAndAppliesNothing()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Out.Profile.Capabilities.Interactive = true;
        cli.Out.Input.PushKey(ConsoleKey.Enter);

        var run = await cli.RunAsync("up --stack dev");

        Assert.Equal(Infra.Cli.Diagnostics.ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("Do you want to perform this update?", run.Output);
        Assert.Equal("error: confirmation declined, not proceeding with the update\n", run.Error);
        Assert.False(cli.Engine.Applied);
    }

    [Fact]
    public async Task InteractiveDetailsShowsPropertyDiffsThenYesApplies()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Out.Profile.Capabilities.Interactive = true;
        cli.Out.Input.PushKey(ConsoleKey.DownArrow);
        cli.Out.Input.PushKey(ConsoleKey.Enter);
        cli.Out.Input.PushKey(ConsoleKey.UpArrow);
        cli.Out.Input.PushKey(ConsoleKey.UpArrow);
        cli.Out.Input.PushKey(ConsoleKey.Enter);

        var run = await cli.RunAsync("destroy --stack dev");

        Assert.Equal(Infra.Cli.Diagnostics.ExitCodes.Success, run.ExitCode);
        Assert.Contains("Do you want to perform this destroy?", run.Output);
        Assert.Contains("~ properties.state: \"FINISHED\" => \"FAILED\"", run.Output);
        Assert.Contains("Destroying (dev):", run.Output);
        Assert.True(cli.Engine.Applied);
    }

    [Fact]
    public async Task UpWithoutChangesDoesNotAskAndStillApplies()
    {
        var cli = new CliHarness(Fixtures.NoChanges());
        cli.Out.Profile.Capabilities.Interactive = true;

        var run = await cli.RunAsync("up --stack dev");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Do you want", run.Output);
        Assert.True(cli.Engine.Applied);
    }

    [Fact]
    public async Task ManyEntitiesOnATerminalShowTheEntityCountAfterTheProgressBar()
    {
        var cli = new CliHarness(Fixtures.ManyEntities(120));
        cli.Out.Profile.Capabilities.Interactive = true;

        var run = await cli.RunAsync("up --stack dev --yes");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" ~  port:index/blueprint:Blueprint space_lift_stack updated", run.Output);
        Assert.Contains("entities: 120 of 120 done", run.Output);
    }

    [Fact]
    public async Task MarkdownStartsWithTheMarkerOfItsStack()
    {
        var run = await new CliHarness(Fixtures.SmallPlan()).RunAsync("preview --stack dev --format markdown");

        Assert.StartsWith(MarkdownReport.Marker("dev") + "\n", run.Output);
    }

    [Fact]
    public async Task VersionPrintsAVersion()
    {
        var run = await new CliHarness(Fixtures.SmallPlan()).RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public async Task HelpListsTheFourVerbs()
    {
        var run = await new CliHarness(Fixtures.SmallPlan()).RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(new[] { "preview", "up", "destroy", "refresh" }, verb => Assert.Contains(verb, run.Output));
    }
}
