using Infra.Sdk;

namespace Infra.Cli.Engine.Contract;

/// <summary>
/// The result of <c>up</c>, <c>destroy</c> or <c>refresh</c>: the plan that was applied, what happened
/// to each step, and the diagnostics raised on the way.
/// </summary>
public sealed record ApplyResult(
    Plan Plan,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<Diagnostic> Diagnostics,
    TimeSpan Duration)
{
    public int Failed => Steps.Count(s => s.Outcome == StepOutcome.Failed);

    public bool DeletionsHeldBack => Plan.DeletionsHeldBack;

}
