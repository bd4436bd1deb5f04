using Infra.Cli.Diagnostics;

namespace Infra.Cli.Spacelift;

/// <summary>Spacelift answered with GraphQL errors, an HTTP error, or data that cannot be trusted.</summary>
public class SpaceliftException : InfraException
{
    public SpaceliftException(string message, Exception? inner = null) : base(message, inner) { }

    public override int ExitCode => Diagnostics.ExitCodes.Failure;
}
