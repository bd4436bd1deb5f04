using Infra.Cli.Diagnostics;

namespace Infra.Cli.Shell.Running;

/// <summary>The command line was used in a way that cannot work (Pulumi's exit code 2).</summary>
public sealed class UsageException : InfraException
{
    private UsageException(string message) : base(message) { }

    public override int ExitCode => ExitCodes.UsageOrConfig;

    public static UsageException ConfirmationNeedsTerminal() =>
        new("--yes must be passed in to proceed when running in non-interactive mode");

    public static UsageException ConfirmationNeedsText(string format) =>
        new($"--yes must be passed in to proceed when using --format {format}");
}
