using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Rendering;
using Infra.Cli.Shell.Rendering.Json;
using Infra.Cli.Shell.Rendering.Markdown;
using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Shell.Settings;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine;
using Spectre.Console;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Http;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// The one flow behind preview, up, destroy and refresh: configuration, engine, plan, output,
/// confirmation, apply, verdict. Every non-zero exit leaves as an exception for the one error handler.
/// </summary>
public sealed class OperationRunner(
    IStackConfigurationSource configuration,
    IStackEngineFactory engines,
    IAnsiConsole console,
    CliEnvironment environment,
    TimeProvider time,
    CliHost host)
{
    public async Task<int> RunAsync(CliVerb verb, OperationSettings settings, CancellationToken cancellationToken)
    {
        // Retries of this run's requests are reported on stderr, which keeps stdout parseable.
        using var retries = RetryProgress.Listen(new RetryProgressLine(host.Error, time));
        try
        {
            return await RunCoreAsync(verb, settings, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // SIGINT or SIGTERM while planning or at the prompt: the engine (and its lock) is disposed by now.
            throw OperationFailedException.InterruptedBeforeWriting(verb.OperationNoun());
        }
    }

    private async Task<int> RunCoreAsync(CliVerb verb, OperationSettings settings, CancellationToken cancellationToken)
    {
        var presenter = Presenter(settings);
        var confirmed = verb.IsPreview() || settings is ApplySettings { Yes: true } || environment.SkipConfirmations;
        // Fail before taking the lock or reading anything: the run could not be confirmed anyway.
        if (!confirmed && !presenter.CanPrompt)
        {
            throw settings.OutputFormat == OutputFormat.Text
                ? UsageException.ConfirmationNeedsTerminal()
                : UsageException.ConfirmationNeedsText(settings.OutputFormat.ToString().ToLowerInvariant());
        }

        var stack = configuration.Load(settings.ProjectDirectory, settings.Stack!, settings.Insecure);
        await using var engine = await engines.CreateAsync(stack, verb.ToString().ToLowerInvariant(), exclusive: !verb.IsPreview(), cancellationToken);
        var plan = await engine.PlanAsync(verb.Operation(), new PlanOptions(settings.AllowMassDelete, settings.TakeOver || stack.Settings.TakeOver), cancellationToken);
        var report = new RunReport(verb, plan);
        presenter.ShowPlan(report);
        if (!verb.IsPreview())
        {
            if (!confirmed && plan.HasChanges
                && !await Confirmation.AskAsync(console, verb, () => presenter.ShowDetails(report), cancellationToken))
            {
                throw OperationFailedException.Declined(verb.OperationNoun());
            }

            var steps = new StepLog();
            try
            {
                report = report with { Applied = await presenter.ApplyAsync(plan, verb, progress => engine.ApplyAsync(plan, steps.Around(progress), cancellationToken)) };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw InterruptionReport.Write(host.Error, verb, plan, steps.Steps);
            }
        }

        presenter.ShowOutcome(report);
        return OperationVerdict.Of(report, settings.ExpectNoChanges) is { } failure ? throw failure : ExitCodes.Success;
    }

    private IOperationPresenter Presenter(OperationSettings settings) => settings.OutputFormat switch
    {
        OutputFormat.Json => new DocumentPresenter(console, report => JsonReport.Render(report, settings.ShowSames)),
        OutputFormat.Markdown => new DocumentPresenter(console, report => MarkdownReport.Render(report, settings.Diff)),
        _ => new TextPresenter(new TextRenderer(new ConsoleText(console), new TextOptions(settings.Diff, settings.ShowSames)), time),
    };
}
