using Infra.Cli.Shell.Rendering;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// Turns a finished run into its exit status, most serious first: failed steps, then errors, then
/// held-back deletions, then changes under <c>--expect-no-changes</c> (checked after applying, as Pulumi does).
/// </summary>
public static class OperationVerdict
{
    /// <summary>Null when the run exits 0.</summary>
    public static OperationFailedException? Of(RunReport report, bool expectNoChanges)
    {
        var noun = report.Verb.OperationNoun();
        return report switch
        {
            { Applied.Failed: > 0 and var failed } => OperationFailedException.ResourceFailures(failed, noun),
            { HasErrors: true } => OperationFailedException.ErrorsReported(noun),
            { DeletionsHeldBack: true } => OperationFailedException.DeletionsHeldBack(),
            { Plan.HasChanges: true } when expectNoChanges => OperationFailedException.ChangesDetected(report.Verb.CommandName()),
            _ => null,
        };
    }
}
