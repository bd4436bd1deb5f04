using System.Net;
using Infra.Http;

namespace Infra.Port;

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
    public static PortApiException From(PortRequest request, PortAnswer answer, SecretScrubber scrubber)
    {
        if (JsonWire.String(answer.Body?["error"]) is not { } error)
        {
            return Protocol(request, answer, "Port's error answer is not its {ok, error, message} envelope", scrubber);
        }

        var message = Describe(request, answer, error, scrubber);
        return ByStatus.TryGetValue(answer.Status, out var create)
            ? create(answer.Status, error, message)
            : new PortApiException(answer.Status, error, message);
    }

    /// <summary>The token request was refused: the message names the settings to check.</summary>
    public static PortAuthenticationException Credentials(PortRequest request, PortAnswer answer, SecretScrubber scrubber)
    {
        var error = JsonWire.String(answer.Body?["error"]) ?? "unauthorized";
        return new PortAuthenticationException(
            answer.Status,
            error,
            Describe(request, answer, error, scrubber)
            + "; check port:clientId [PORT_CLIENT_ID] and port:secret [PORT_CLIENT_SECRET]");
    }

    /// <summary>An answer that is not JSON or lacks what the route must return.</summary>
    public static PortProtocolException Protocol(PortRequest request, PortAnswer answer, string problem, SecretScrubber scrubber) =>
        new(answer.Status, scrubber.Scrub(
            $"{request}: {problem}: {JsonWire.Snippet(answer.Raw, text => scrubber.Scrub(text, request.Secrets))} ({PortProtocolException.InvalidResponse}, HTTP {(int)answer.Status})",
            request.Secrets));

    /// <summary>One entity's failure inside a bulk answer, scrubbed like every other message.</summary>
    public static string Scrub(PortRequest request, string text, SecretScrubber scrubber) => scrubber.Scrub(text, request.Secrets);

    private static string Describe(PortRequest request, PortAnswer answer, string error, SecretScrubber scrubber)
    {
        var portMessage = JsonWire.String(answer.Body?["message"]) ?? error;
        return scrubber.Scrub($"{request}: {portMessage} ({error}, HTTP {(int)answer.Status})", request.Secrets);
    }
}
