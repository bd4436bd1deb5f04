using System.Globalization;
using Infra.Cli.Verify;

namespace Infra.Cli.Shell.Rendering.Verify;

/// <summary><c>verify</c>'s text: one verdict per step with its Port run and links, then one summary line.</summary>
public static class VerifyText
{
    // Wide enough for the longest step name ("permissions"), so every verdict starts in one column.
    private const int NameWidth = 11;

    public static IEnumerable<string> Lines(VerifyReport report)
    {
        var indent = "       " + new string(' ', NameWidth);
        foreach (var step in report.Steps)
        {
            var mark = step.Status switch
            {
                VerifyStepStatus.Passed => "ok  ",
                VerifyStepStatus.Failed => "FAIL",
                VerifyStepStatus.AwaitingApproval => "wait",
                _ => "skip",
            };
            yield return $"  {mark} {step.Name.PadRight(NameWidth)} {step.Action}: {step.Message}";
            foreach (var access in step.Permissions ?? [])
            {
                yield return $"{indent} {access.Line}";
            }

            if (step.RunUrl is { } run)
            {
                yield return $"{indent} Port run: {run}";
            }

            if (step.LastLog is { } log)
            {
                yield return $"{indent} last log: {log}";
            }

            if (step.SpaceliftRunUrl is { } spacelift)
            {
                yield return $"{indent} Spacelift run: {spacelift}";
            }

            if (step.BrokenLink is { } link)
            {
                yield return $"{indent} broken link: {link.Describe()}";
            }

            if (step.Warning is { } warning)
            {
                yield return $"{indent} warning: {warning}";
            }
        }

        var seconds = report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var passed = report.Steps.Count(s => s.Status == VerifyStepStatus.Passed);
        var warnings = report.Steps.Count(s => s.Warning is not null);
        var skipped = report.Steps.Count(s => s.Status == VerifyStepStatus.Skipped);
        yield return "";
        yield return report switch
        {
            { FirstFailure: { BrokenLink: { } broken } } => $"Verification failed at {broken.Describe()} (exit {report.ExitCode}) after {seconds} s",
            { AwaitingApproval: { } held } =>
                $"Verified {passed} of {report.Steps.Count} steps in {seconds} s: {held.Action} run {held.RunId} waits for an approval in Port" + skipped switch
                {
                    0 => "",
                    1 => ", so 1 later step was not checked",
                    _ => $", so {skipped} later steps were not checked",
                },
            _ => $"Verified: {passed} of {report.Steps.Count} steps passed in {seconds} s" + warnings switch
            {
                0 => "",
                1 => " (1 warning)",
                _ => $" ({warnings} warnings)",
            },
        };
    }
}
