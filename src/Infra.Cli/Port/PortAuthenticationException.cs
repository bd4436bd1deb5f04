using System.Net;

namespace Infra.Cli.Port;

/// <summary>Port refused our credentials or our token (HTTP 401, or any refusal of the token request).</summary>
public sealed class PortAuthenticationException(HttpStatusCode statusCode, string error, string message, Exception? inner = null)
    : PortApiException(statusCode, error, message, inner)
{
    public override int ExitCode => Diagnostics.ExitCodes.Authentication;
}
