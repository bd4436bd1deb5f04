using Infra.Engine;

namespace Infra.Cli.Rendering;

/// <summary>
/// Whether a safety rule held back deletions. The engine is to expose this on Plan/ApplyResult; until
/// it does, this reads the signs the contract already carries: a delete step that was skipped, or a
/// diagnostic naming the flag that overrides the rule.
/// </summary>
internal static class HeldBackDeletions
{
    public const string OverrideFlag = "--allow-mass-delete";

    public static bool In(RunReport report) =>
        report.Plan.Diagnostics.Any(NamesOverride)
        || report.Applied?.Diagnostics.Any(NamesOverride) == true
        || report.Applied?.Steps.Any(s => s.Outcome == StepOutcome.Skipped && s.Change.Kind == ChangeKind.Delete) == true;

    private static bool NamesOverride(Diagnostic diagnostic) =>
        diagnostic.Severity != Severity.Info && diagnostic.Message.Contains(OverrideFlag, StringComparison.Ordinal);
}
