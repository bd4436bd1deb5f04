using Infra.Cli.Diagnostics;

namespace Infra.Cli.Verify;

/// <summary><c>verify</c> cannot start: the integration is not deployed, or <c>--trigger</c> names no entity Port knows.</summary>
public sealed class VerifyException(string message) : InfraException(message)
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}
