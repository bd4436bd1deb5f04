using Infra.Cli.Diagnostics;

namespace Infra.Cli.Providers;

/// <summary>
/// A read whose answer cannot be trusted (the service failed, or answered with errors): the resource's
/// absence would be a guess, so an executor holds back what depends on it instead of ending the run.
/// </summary>
public sealed class ResourceReadException(string message, Exception? inner = null) : InfraException(message, inner)
{
    public override int ExitCode => ExitCodes.Failure;
}
