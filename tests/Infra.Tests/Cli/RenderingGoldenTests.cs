using Infra.Tests.Support;

namespace Infra.Tests.Cli;

/// <summary>The whole stdout of fixed runs, pinned in Cli/Golden.</summary>
public sealed class RenderingGoldenTests
{
    [Theory]
    [InlineData("preview --stack dev", "preview.txt")]
    [InlineData("preview --stack dev --diff", "preview-diff.txt")]
    [InlineData("preview --stack dev --show-sames", "preview-show-sames.txt")]
    [InlineData("preview --stack dev --json", "preview.json")]
    [InlineData("preview --stack dev --format markdown --diff", "preview.md")]
    public async Task PreviewOfTheSmallPlanMatchesItsGoldenFile(string commandLine, string golden)
    {
        // Given
        var cli = new CliHarness(Fixtures.SmallPlan());

        // When
        var run = await cli.RunAsync(commandLine);

        // Then
        Assert.Equal(0, run.ExitCode);
        GoldenFiles.Verify("Cli/Golden/" + golden, run.Output, "FullyQualifiedName~Infra.Tests.Cli");
    }

    [Theory]
    [InlineData("up --stack dev --yes", "up.txt")]
    [InlineData("up --stack dev --yes --json", "up.json")]
    [InlineData("up --stack dev --yes --format markdown", "up.md")]
    public async Task UpWithOneFailedStepMatchesItsGoldenFile(string commandLine, string golden)
    {
        // Given
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Engine.Apply = Fixtures.SmallResult;

        // When
        var run = await cli.RunAsync(commandLine);

        // Then
        Assert.Equal(Infra.Cli.Diagnostics.ExitCodes.ResourceFailures, run.ExitCode);
        GoldenFiles.Verify("Cli/Golden/" + golden, run.Output, "FullyQualifiedName~Infra.Tests.Cli");
    }

    [Theory]
    [InlineData("preview --stack dev", "preview-3000.txt")]
    [InlineData("preview --stack dev --format markdown --diff", "preview-3000.md")]
    public async Task PreviewOfThreeThousandEntitiesIsSummarisedAndMatchesItsGoldenFile(string commandLine, string golden)
    {
        var cli = new CliHarness(Fixtures.ManyEntities());

        var run = await cli.RunAsync(commandLine);

        Assert.Equal(0, run.ExitCode);
        GoldenFiles.Verify("Cli/Golden/" + golden, run.Output, "FullyQualifiedName~Infra.Tests.Cli");
    }
}
