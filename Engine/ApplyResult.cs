namespace Infra.Engine;

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

    /// <summary>
    /// The process exit code this result calls for: failed steps first, then an error diagnostic (a
    /// failed Spacelift read), then held-back deletions.
    /// </summary>
    public int ExitCode =>
        Failed > 0 ? Infra.Diagnostics.ExitCodes.ResourceFailures
        : Diagnostics.Any(d => d.Severity == Severity.Error) ? Infra.Diagnostics.ExitCodes.Failure
        : DeletionsHeldBack ? Infra.Diagnostics.ExitCodes.DeletionsHeldBack
        : Infra.Diagnostics.ExitCodes.Success;
}
