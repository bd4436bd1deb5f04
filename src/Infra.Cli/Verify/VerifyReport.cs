using Infra.Cli.Diagnostics;

namespace Infra.Cli.Verify;

/// <summary>Every step's verdict, in order; the first broken link decides the exit code.</summary>
public sealed record VerifyReport(string Stack, IReadOnlyList<VerifyStep> Steps, TimeSpan Duration)
{
    public VerifyStep? FirstFailure => Steps.FirstOrDefault(s => s.Status == VerifyStepStatus.Failed);

    /// <summary>The step whose run Port holds for an approval; the steps after it were skipped.</summary>
    public VerifyStep? AwaitingApproval => Steps.FirstOrDefault(s => s.Status == VerifyStepStatus.AwaitingApproval);

    public bool Passed => FirstFailure is null;

    /// <summary>A run held for an approval is not a broken link: it exits 0, and the result says it.</summary>
    public int ExitCode => FirstFailure?.BrokenLink?.ExitCode() ?? ExitCodes.Success;

    /// <summary><c>failed</c>, <c>awaiting-approval</c> (nothing broke, but a run waits for an approval) or <c>passed</c>.</summary>
    public string Result => !Passed ? "failed" : AwaitingApproval is not null ? "awaiting-approval" : "passed";
}
