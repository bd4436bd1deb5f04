using System.Net;

namespace Infra.Cli.Port;

/// <summary>HTTP 404: the resource does not exist. Reads turn this into <c>null</c>.</summary>
public sealed class PortNotFoundException(HttpStatusCode statusCode, string error, string message, Exception? inner = null)
    : PortApiException(statusCode, error, message, inner);
