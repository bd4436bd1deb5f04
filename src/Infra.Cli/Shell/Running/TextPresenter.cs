using Infra.Cli.Shell.Rendering;
using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Engine;
using Infra.Sdk;
using Spectre.Console;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>Pulumi-like text: the preview, then the apply as it happens, then diagnostics and the summary.</summary>
internal sealed class TextPresenter(TextRenderer renderer, TimeProvider time) : IOperationPresenter
{
    private IAnsiConsole Console => renderer.Output.Console;

    public bool CanPrompt => Console.Profile.Capabilities.Interactive;

    public void ShowPlan(RunReport report) => renderer.Plan(report);

    public async Task<ApplyResult> ApplyAsync(Plan plan, CliVerb verb, Func<IProgress<StepResult>, Task<ApplyResult>> apply)
    {
        renderer.Output.Blank();
        renderer.Output.Line(new Span(verb.ApplyHeader(plan.Stack), TextStyles.Header));
        var entities = plan.Changes.Count(c => c.Kind != ChangeKind.Same && c.Address.Kind == ResourceKind.Entity);
        if (CanPrompt && entities > TextOptions.DefaultEntityLimit)
        {
            return await ProgressBarApplyDisplay.RunAsync(Console, renderer, plan, apply);
        }

        return await apply(new StreamingApplyDisplay(renderer, entities, time));
    }

    public void ShowDetails(RunReport report) => renderer.WithDiff().Changes(report);

    public void ShowOutcome(RunReport report)
    {
        if (report.Applied is not null)
        {
            renderer.Result(report);
        }
    }
}
