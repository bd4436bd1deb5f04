using Infra.Cli.Shell.Rendering;
using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>How a run shows itself in the chosen output format.</summary>
internal interface IOperationPresenter
{
    /// <summary>Whether the user can be asked to confirm in this format.</summary>
    bool CanPrompt { get; }

    void ShowPlan(RunReport report);

    /// <summary>Runs <paramref name="apply"/>, showing progress as steps complete.</summary>
    Task<ApplyResult> ApplyAsync(Plan plan, CliVerb verb, Func<IProgress<StepResult>, Task<ApplyResult>> apply);

    void ShowDetails(RunReport report);

    void ShowOutcome(RunReport report);
}
