using System.Net;

namespace Infra.Cli.Port;

/// <summary>
/// Port's answer could not be understood: not JSON, or JSON of the wrong shape (no <c>ok</c>, no
/// resource). <see cref="PortApiException.Error"/> is <see cref="InvalidResponse"/>.
/// </summary>
public sealed class PortProtocolException(HttpStatusCode statusCode, string message)
    : PortApiException(statusCode, InvalidResponse, message)
{
    public const string InvalidResponse = "invalid_response";
}
