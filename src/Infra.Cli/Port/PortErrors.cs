using System.Net;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Port;

/// <summary>
/// The one table from Port's answer to an exception. Messages read
/// <c>&lt;METHOD&gt; &lt;route&gt;: &lt;Port's message&gt; (&lt;error code&gt;, HTTP &lt;status&gt;)</c>, scrubbed of
/// every known secret; a request body is never part of one.
/// </summary>
internal static class PortErrors
{
    private static readonly Dictionary<HttpStatusCode, Func<HttpStatusCode, string, string, PortApiException>> ByStatus = new()
    {
        [HttpStatusCode.Unauthorized] = (status, error, message) => new PortAuthenticationException(status, error, message),
        [HttpStatusCode.NotFound] = (status, error, message) => new PortNotFoundException(status, error, message),
        [HttpStatusCode.Conflict] = (status, error, message) => new PortValidationException(status, error, message),
        [HttpStatusCode.UnprocessableEntity] = (status, error, message) => new PortValidationException(status, error, message),
    };

    /// <summary>The exception for a failed answer (status outside 2xx).</summary>
    public static PortApiException From(PortRequest request, PortAnswer answer, Uri baseUrl, SecretMasker scrubber)
    {
        if (IsTransient(answer.Status))
        {
            return Unavailable(request, answer, baseUrl, scrubber);
        }

        if (JsonWire.String(answer.Body?["error"]) is not { } error)
        {
            return Protocol(request, answer, "Port's error answer is not its {ok, error, message} envelope", scrubber);
        }

        var message = Describe(request, answer, error, scrubber);
        return ByStatus.TryGetValue(answer.Status, out var create)
            ? create(answer.Status, error, message)
            : new PortApiException(answer.Status, error, message);
    }

    /// <summary>
    /// Port (or whatever answers at its URL) kept answering 429 or 5xx until the retries ran out: the
    /// message names the host, the request, the status and what was tried, then Port's own words or
    /// the start of the body (a proxy's HTML page, say).
    /// </summary>
    private static PortApiException Unavailable(PortRequest request, PortAnswer answer, Uri baseUrl, SecretMasker scrubber)
    {
        var error = JsonWire.String(answer.Body?["error"]);
        var said = JsonWire.String(answer.Body?["message"]) ?? error ?? JsonWire.Snippet(answer.Raw, text => scrubber.MaskText(text, request.Secrets));
        var every = answer.Attempts.Count > 1 ? " on every attempt" : "";
        return new PortApiException(
            answer.Status,
            error ?? PortUnreachableException.Unreachable,
            scrubber.MaskText($"Port at {baseUrl} answered {request} with HTTP {(int)answer.Status}{every} ({answer.Attempts}): {said}", request.Secrets));
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// What answered the token request, when it is not Port: null when the answer is Port's own. Port
    /// refuses credentials with its error envelope <c>{ok: false, error, message}</c> (its OpenAPI,
    /// <c>POST /v1/auth/access_token</c>, 401 and 404) and grants them with <c>{ok, accessToken,
    /// expiresIn, tokenType}</c>; another server's 401, 404 or login page has neither shape, and a 5xx
    /// is an outage whatever its body (left to <see cref="From"/>).
    /// </summary>
    public static string? NotPortsTokenAnswer(PortRequest request, PortAnswer answer, SecretMasker scrubber)
    {
        var status = (int)answer.Status;
        if (status >= 500 || status is 413 or 429)
        {
            return null;
        }

        var isPorts = answer.IsSuccess
            ? answer.Body is { } body && (body.ContainsKey("accessToken") || body.ContainsKey("ok"))
            : IsEnvelope(answer.Body);
        return isPorts ? null : $"HTTP {status} {JsonWire.Snippet(answer.Raw, text => scrubber.MaskText(text, request.Secrets))}";
    }

    /// <summary>Port's error envelope: <c>ok</c> false and a string <c>error</c> code.</summary>
    private static bool IsEnvelope(System.Text.Json.Nodes.JsonObject? body) =>
        body is not null && JsonWire.Boolean(body["ok"]) == false && JsonWire.String(body["error"]) is not null;

    /// <summary>
    /// Port refused the token request: the message names the URL (credentials of one region are
    /// refused by the other), shows the client id (an identifier, not a secret, so it is put in after
    /// Port's text is masked) and names the settings to check.
    /// </summary>
    public static PortAuthenticationException Credentials(PortRequest request, PortAnswer answer, Uri baseUrl, string clientId, SecretMasker scrubber)
    {
        var error = JsonWire.String(answer.Body?["error"]) ?? "unauthorized";
        var portMessage = scrubber.MaskText(JsonWire.String(answer.Body?["message"]) ?? error, request.Secrets);
        return new PortAuthenticationException(
            answer.Status,
            error,
            $"Port at {baseUrl} refused client id {clientId} ({portMessage}, HTTP {(int)answer.Status}): check {KnownKey.PortSecret.Names}, then {KnownKey.PortClientId.Names}");
    }

    /// <summary>An answer that is not JSON or lacks what the route must return.</summary>
    public static PortProtocolException Protocol(PortRequest request, PortAnswer answer, string problem, SecretMasker scrubber) =>
        new(answer.Status, scrubber.MaskText(
            $"{request}: {problem}: {JsonWire.Snippet(answer.Raw, text => scrubber.MaskText(text, request.Secrets))} ({PortProtocolException.InvalidResponse}, HTTP {(int)answer.Status})",
            request.Secrets));

    /// <summary>One entity's failure inside a bulk answer, scrubbed like every other message.</summary>
    public static string Scrub(PortRequest request, string text, SecretMasker scrubber) => scrubber.MaskText(text, request.Secrets);

    private static string Describe(PortRequest request, PortAnswer answer, string error, SecretMasker scrubber)
    {
        var portMessage = JsonWire.String(answer.Body?["message"]) ?? error;
        return scrubber.MaskText($"{request}: {portMessage} ({error}, HTTP {(int)answer.Status})", request.Secrets);
    }
}
