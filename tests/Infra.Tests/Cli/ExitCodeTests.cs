using Infra.Cli.Config;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Tests.Cli.Fakes;
using Infra.Cli.Engine.Contract;
using static Infra.Cli.Diagnostics.ExitCodes;

namespace Infra.Tests.Cli;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task PreviewWithChangesExitsZero()
    {
        var run = await new CliHarness(Fixtures.SmallPlan()).RunAsync("preview --stack dev");

        Assert.Equal(Success, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task UpThatAppliesEverythingExitsZero()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync("up --stack dev --yes");

        Assert.Equal(Success, run.ExitCode);
        Assert.True(cli.Engine.Applied);
    }

    [Fact]
    public async Task PreviewWithExpectNoChangesExitsSevenWhenThereAreChanges()
    {
        var run = await new CliHarness(Fixtures.SmallPlan()).RunAsync("preview --stack dev --expect-no-changes");

        Assert.Equal(ChangesDetected, run.ExitCode);
        Assert.Equal("error: no changes were expected for preview but changes were proposed\n", run.Error);
    }

    [Fact]
    public async Task PreviewWithExpectNoChangesExitsZeroWhenNothingChanges()
    {
        var run = await new CliHarness(Fixtures.NoChanges()).RunAsync("preview --stack dev --expect-no-changes");

        Assert.Equal(Success, run.ExitCode);
    }

    [Fact]
    public async Task UpWithExpectNoChangesAppliesFirstThenExitsSeven()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync("up --stack dev --yes --expect-no-changes");

        Assert.True(cli.Engine.Applied);
        Assert.Equal(ChangesDetected, run.ExitCode);
    }

    [Fact]
    public async Task FailedStepsExitFourAndNameTheCount()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Engine.Apply = Fixtures.SmallResult;

        var run = await cli.RunAsync("up --stack dev --yes --expect-no-changes");

        Assert.Equal(ResourceFailures, run.ExitCode);
        Assert.StartsWith("error: update failed: 1 resource step(s) failed", run.Error);
    }

    [Fact]
    public async Task DeletionsHeldBackByTheEngineExitFive()
    {
        var plan = Fixtures.WithDiagnostic(Fixtures.NoChanges(), new Diagnostic(
            Severity.Warning, "3 of 4 entities would be deleted (75% > 50%): deletions held back; pass --allow-mass-delete to prune them"))
            with { HeldBackDeletions = 3 };

        var run = await new CliHarness(plan).RunAsync("up --stack dev --yes");

        Assert.Equal(DeletionsHeldBack, run.ExitCode);
    }

    [Fact]
    public async Task AWarningAloneDoesNotCountAsHeldBack()
    {
        var plan = Fixtures.WithDiagnostic(Fixtures.NoChanges(), new Diagnostic(
            Severity.Warning, "stack 'x' skipped: its id is not a valid Port identifier (--allow-mass-delete does not apply)"));

        var run = await new CliHarness(plan).RunAsync("up --stack dev --yes");

        Assert.Equal(Success, run.ExitCode);
    }

    [Fact]
    public async Task AnErrorDiagnosticExitsOne()
    {
        var plan = Fixtures.WithDiagnostic(Fixtures.NoChanges(), new Diagnostic(Severity.Error, "Spacelift read failed: 502; nothing pruned"));

        var run = await new CliHarness(plan).RunAsync("preview --stack dev");

        Assert.Equal(Failure, run.ExitCode);
    }

    [Fact]
    public async Task ConfigurationErrorExitsTwoWithTheLoadersMessageAndCreatesNoEngine()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Configuration.Failure = new ConfigException("Pulumi.dev.yaml: port:clientId is missing (set it or PORT_CLIENT_ID)");

        var run = await cli.RunAsync("preview --stack dev");

        Assert.Equal(UsageOrConfig, run.ExitCode);
        Assert.Equal("error: Pulumi.dev.yaml: port:clientId is missing (set it or PORT_CLIENT_ID)\n", run.Error);
        Assert.Null(cli.Engines.Exclusive);
    }

    [Theory]
    [InlineData("up --stack dev")]
    [InlineData("destroy --stack dev")]
    [InlineData("refresh --stack dev")]
    public async Task NonInteractiveRunWithoutYesExitsTwoBeforeTouchingAnything(string commandLine)
    {
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync(commandLine);

        Assert.Equal(UsageOrConfig, run.ExitCode);
        Assert.Equal("error: --yes must be passed in to proceed when running in non-interactive mode\n", run.Error);
        Assert.Null(cli.Configuration.Loaded);
        Assert.False(cli.Engine.Applied);
    }

    [Fact]
    public async Task JsonRunWithoutYesExitsTwo()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Out.Profile.Capabilities.Interactive = true;

        var run = await cli.RunAsync("up --stack dev --json");

        Assert.Equal(UsageOrConfig, run.ExitCode);
        Assert.Contains("--yes must be passed in to proceed when using --format json", run.Error);
    }

    [Fact]
    public async Task SkipConfirmationsVariableActsAsYes()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Environment["PULUMI_SKIP_CONFIRMATIONS"] = "true";

        var run = await cli.RunAsync("up --stack dev");

        Assert.Equal(Success, run.ExitCode);
        Assert.True(cli.Engine.Applied);
    }

    [Fact]
    public async Task HeldLockExitsTenWithTheEnginesMessage()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        var holder = new LockHolder(42, "ci-runner", "runner", DateTimeOffset.Parse("2026-11-28T00:00:00Z"), "up");
        cli.Engines.Failure = new StackLockedException("dev", ".infra/state/dev.lock", holder);

        var run = await cli.RunAsync("up --stack dev --yes");

        Assert.Equal(ConcurrentUpdate, run.ExitCode);
        Assert.Equal("error: stack 'dev' is locked by pid 42 on ci-runner (user runner, 'up') since 2026-11-28T00:00:00Z "
            + "(lock .infra/state/dev.lock); wait for it to finish, or stop that process\n", run.Error);
    }

    [Fact]
    public async Task UnexpectedExceptionExits255WithItsStackTrace()
    {
        var cli = new CliHarness(Fixtures.SmallPlan());
        cli.Engines.Failure = new InvalidOperationException("boom");

        var run = await cli.RunAsync("preview --stack dev");

        Assert.Equal(Internal, run.ExitCode);
        Assert.StartsWith("error: System.InvalidOperationException: boom", run.Error);
    }

    [Fact]
    public async Task CancellationExitsEight()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync(["up", "--stack", "dev", "--yes"], cancellation.Token);

        Assert.Equal(Cancelled, run.ExitCode);
        Assert.False(cli.Engine.Applied);
    }

    [Fact]
    public async Task CancellationAtTheApplySaysWhatWasAndWasNotApplied()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync(["up", "--stack", "dev", "--yes"], cancellation.Token);

        Assert.Equal(Cancelled, run.ExitCode);
        Assert.Contains("  applied: nothing\n", run.Error);
        Assert.Contains("  not applied: ", run.Error);
        Assert.Matches(@"error: the update was interrupted: 0 of \d+ changes applied; run `up` again to finish\n$", run.Error);
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("preview --stack")]
    [InlineData("preview --stack no/slash")]
    [InlineData("preview --stack dev --format yaml")]
    [InlineData("preview --stack dev --format 1")]
    [InlineData("preview --stack dev --json --format markdown")]
    [InlineData("preview --stack dev --cwd /no/such/dir")]
    [InlineData("preview --stack dev --yes")]
    [InlineData("preview --stack dev --no-such-flag")]
    [InlineData("deploy --stack dev")]
    public async Task BadCommandLinesExitTwo(string commandLine)
    {
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync(commandLine);

        Assert.Equal(UsageOrConfig, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Equal("", run.Output);
        Assert.Null(cli.Configuration.Loaded);
    }

    [Fact]
    public async Task PreviewDoesNotTakeTheLockAndUpDoes()
    {
        var preview = new CliHarness(Fixtures.SmallPlan());
        var up = new CliHarness(Fixtures.SmallPlan());

        await preview.RunAsync("preview --stack dev");
        await up.RunAsync("up --stack dev --yes");

        Assert.False(preview.Engines.Exclusive);
        Assert.True(up.Engines.Exclusive);
        Assert.False(preview.Engine.Applied);
    }

    [Theory]
    [InlineData("preview", Operation.Update)]
    [InlineData("up", Operation.Update)]
    [InlineData("destroy", Operation.Destroy)]
    [InlineData("refresh", Operation.Refresh)]
    public async Task EachVerbPlansItsOperationAndPassesTheFlagsOn(string verb, Operation operation)
    {
        var cli = new CliHarness(Fixtures.SmallPlan());

        var run = await cli.RunAsync($"{verb} -s qa -y --allow-mass-delete --insecure --cwd . --json".Replace(verb == "preview" ? " -y" : "\0", ""));

        Assert.Equal(Success, run.ExitCode);
        Assert.Equal(operation, cli.Engine.PlannedOperation);
        Assert.True(cli.Engine.PlanOptions!.AllowMassDeletion);
        Assert.Equal((Path.GetFullPath("."), "qa", true), cli.Configuration.Loaded);
        Assert.True(cli.Engine.Disposed);
    }
}
