using System.Globalization;
using Infra.Verify;

namespace Infra.Cli.Rendering.Verify;

/// <summary><c>verify</c>'s text: one verdict per step with its Port run and links, then one summary line.</summary>
public static class VerifyText
{
    public static IEnumerable<string> Lines(VerifyReport report)
    {
        foreach (var step in report.Steps)
        {
            var mark = step.Status switch
            {
                VerifyStepStatus.Passed => "ok  ",
                VerifyStepStatus.Failed => "FAIL",
                _ => "skip",
            };
            yield return $"  {mark} {step.Name,-10} {step.Action}: {step.Message}";
            if (step.RunUrl is { } run)
            {
                yield return $"       {"",-10} Port run: {run}";
            }

            if (step.LastLog is { } log)
            {
                yield return $"       {"",-10} last log: {log}";
            }

            if (step.SpaceliftRunUrl is { } spacelift)
            {
                yield return $"       {"",-10} Spacelift run: {spacelift}";
            }

            if (step.BrokenLink is { } link)
            {
                yield return $"       {"",-10} broken link: {link.Describe()}";
            }
        }

        var seconds = report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        yield return "";
        yield return report.FirstFailure is { BrokenLink: { } broken }
            ? $"Verification failed at {broken.Describe()} (exit {report.ExitCode}) after {seconds} s"
            : $"Verified: {report.Steps.Count} of {report.Steps.Count} steps passed in {seconds} s";
    }
}
