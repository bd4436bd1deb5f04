using Infra.Cli.Diagnostics;
using Infra.Cli.Shell.Rendering;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// A run that finished but must not exit 0. Raised after the output is complete, so the verdict
/// reaches stderr through the one error handler like every other error.
/// </summary>
public sealed class OperationFailedException : InfraException
{
    private OperationFailedException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    public override int ExitCode { get; }

    public static OperationFailedException ResourceFailures(int failed, string noun) =>
        new($"{noun} failed: {failed} resource step(s) failed; the rest were applied and recorded", ExitCodes.ResourceFailures);

    public static OperationFailedException ErrorsReported(string noun) =>
        new($"{noun} failed: see the errors under Diagnostics", ExitCodes.Failure);

    public static OperationFailedException DeletionsHeldBack() =>
        new("deletions were held back by a safety rule (see Diagnostics); pass --allow-mass-delete if they are intended", ExitCodes.DeletionsHeldBack);

    public static OperationFailedException ChangesDetected(string command) =>
        new($"no changes were expected for {command} but changes were proposed", ExitCodes.ChangesDetected);

    /// <summary>A signal (SIGINT, SIGTERM) stopped the run; <paramref name="applied"/> of <paramref name="changes"/> were confirmed.</summary>
    public static OperationFailedException Interrupted(string noun, string command, int applied, int changes) =>
        new($"the {noun} was interrupted: {Numbers.Count(applied)} of {Numbers.Count(changes)} changes applied; run `{command}` again to finish", ExitCodes.Cancelled);

    /// <summary>A signal stopped the run before it wrote anything.</summary>
    public static OperationFailedException InterruptedBeforeWriting(string noun) =>
        new($"the {noun} was interrupted before anything was written", ExitCodes.Cancelled);

    public static OperationFailedException Declined(string noun) =>
        new($"confirmation declined, not proceeding with the {noun}", ExitCodes.Cancelled);
}
