using System.Net;

namespace Infra.Cli.Port;

/// <summary>HTTP 409 or 422: Port rejected the body (identifier taken, schema mismatch, invalid request).</summary>
public sealed class PortValidationException(HttpStatusCode statusCode, string error, string message, Exception? inner = null)
    : PortApiException(statusCode, error, message, inner);
