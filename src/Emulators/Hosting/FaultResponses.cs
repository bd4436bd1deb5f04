using System.Globalization;
using Emulators.Faults;
using Microsoft.AspNetCore.Http;

namespace Emulators.Hosting;

/// <summary>
/// The bodies injected faults answer with, shaped like each service's own: Port's
/// <c>{"ok":false,"error":…}</c> envelope, Spacelift's GraphQL error list, and a proxy's HTML for
/// 502/503 (those come from the load balancer, not the service).
/// </summary>
internal static class FaultResponses
{
    public static Task WriteAsync(HttpContext http, string service, FaultKind kind, int retryAfterSeconds)
    {
        var response = http.Response;
        switch (kind)
        {
            case FaultKind.TooManyRequests:
                var seconds = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                response.Headers.RetryAfter = seconds;
                response.Headers["x-ratelimit-reset"] = seconds;
                return Write(response, StatusCodes.Status429TooManyRequests, service == ServiceNames.Port
                    ? """{"ok":false,"error":"rate_limit_exceeded","message":"Too many requests, try again later"}"""
                    : """{"errors":[{"message":"rate limit exceeded"}]}""");
            case FaultKind.InternalServerError:
                return Write(response, StatusCodes.Status500InternalServerError, service == ServiceNames.Port
                    ? """{"ok":false,"error":"internal_error","message":"Internal server error"}"""
                    : """{"errors":[{"message":"internal server error"}]}""");
            case FaultKind.BadGateway:
                return WriteHtml(response, StatusCodes.Status502BadGateway, "502 Bad Gateway");
            case FaultKind.ServiceUnavailable:
                return WriteHtml(response, StatusCodes.Status503ServiceUnavailable, "503 Service Temporarily Unavailable");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "This fault has no response.");
        }
    }

    private static Task Write(HttpResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(json);
    }

    private static Task WriteHtml(HttpResponse response, int status, string title)
    {
        response.StatusCode = status;
        response.ContentType = "text/html";
        return response.WriteAsync($"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center></body></html>");
    }
}
