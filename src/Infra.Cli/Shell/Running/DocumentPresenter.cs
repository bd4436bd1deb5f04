using Infra.Cli.Shell.Rendering;
using Infra.Cli.Engine;
using Spectre.Console;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>JSON and Markdown: nothing but the one document at the end, so stdout can be parsed or posted as is.</summary>
internal sealed class DocumentPresenter(IAnsiConsole console, Func<RunReport, string> render) : IOperationPresenter
{
    public bool CanPrompt => false;

    public void ShowPlan(RunReport report)
    {
    }

    public Task<ApplyResult> ApplyAsync(Plan plan, CliVerb verb, Func<IProgress<StepResult>, Task<ApplyResult>> apply)
        => apply(new ImmediateProgress<StepResult>(_ => { }));

    public void ShowDetails(RunReport report)
    {
    }

    // Written to the raw writer: the document must not be wrapped or styled by the console.
    public void ShowOutcome(RunReport report) => console.Profile.Out.Writer.WriteLine(render(report));
}
