using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>
/// Every message of a run in one list: the plan's, the apply's (without repeats), one error per
/// failed step carrying Port's message, and Pulumi's closing "update failed" on the stack.
/// </summary>
public static class ReportDiagnostics
{
    public static IReadOnlyList<Diagnostic> For(RunReport report)
    {
        var all = report.Plan.Diagnostics.Concat(report.Applied?.Diagnostics ?? []).Distinct().ToList();
        if (report.Applied is { Failed: > 0 } applied)
        {
            all.AddRange(applied.Steps
                .Where(s => s.Outcome == StepOutcome.Failed)
                .Select(s => new Diagnostic(Severity.Error, s.Message ?? $"{StepWords.Progressive(s.Change.Kind)} failed", s.Change.Address)));
            all.Add(new Diagnostic(Severity.Error, $"{report.Verb.OperationNoun()} failed"));
        }

        return all;
    }

    /// <summary>The stack's own pseudo-resource, under which messages about no resource are listed (as Pulumi does).</summary>
    public static string StackResource(Plan plan) => $"pulumi:pulumi:Stack ({plan.Project}-{plan.Stack})";
}
