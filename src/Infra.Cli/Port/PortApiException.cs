using System.Net;
using Infra.Cli.Diagnostics;

namespace Infra.Cli.Port;

/// <summary>
/// Port answered with an error. <see cref="Exception.Message"/> is Port's own message (prefixed with
/// the request line), <see cref="Error"/> its code (<c>not_found</c>, <c>identifier_taken</c>, ...).
/// </summary>
public class PortApiException : InfraException
{
    public PortApiException(HttpStatusCode statusCode, string error, string message, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Error = error;
    }

    public HttpStatusCode StatusCode { get; }

    public string Error { get; }

    public override int ExitCode => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        ? Diagnostics.ExitCodes.Authentication
        : Diagnostics.ExitCodes.Failure;
}
