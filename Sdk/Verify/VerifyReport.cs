using Infra.Diagnostics;

namespace Infra.Verify;

/// <summary>Every step's verdict, in order; the first broken link decides the exit code.</summary>
public sealed record VerifyReport(string Stack, IReadOnlyList<VerifyStep> Steps, TimeSpan Duration)
{
    public VerifyStep? FirstFailure => Steps.FirstOrDefault(s => s.Status == VerifyStepStatus.Failed);

    public bool Passed => FirstFailure is null;

    public int ExitCode => FirstFailure?.BrokenLink?.ExitCode() ?? ExitCodes.Success;
}
