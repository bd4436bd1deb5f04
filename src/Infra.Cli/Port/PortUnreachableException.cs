using Infra.Cli.Diagnostics;

namespace Infra.Cli.Port;

/// <summary>
/// No answer came from Port after every retry (connection failures or timeouts). It has no HTTP
/// status: <see cref="PortApiException.StatusCode"/> is 0 and <see cref="PortApiException.Error"/> is <see cref="Unreachable"/>.
/// </summary>
public sealed class PortUnreachableException(string message, Exception? inner = null)
    : PortApiException(0, Unreachable, message, inner)
{
    public const string Unreachable = "unreachable";

    public override int ExitCode => ExitCodes.Failure;
}
