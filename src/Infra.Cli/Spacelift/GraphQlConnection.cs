using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Spacelift;

/// <summary>
/// The one path every Spacelift request takes: POST <c>/graphql</c> through <see cref="ResilientSender"/>
/// (the same retries, pacing and statistics as Port), then the body read as a GraphQL answer with
/// <c>errors</c> taken before <c>data</c>. HTTP 200 is not success on its own.
/// </summary>
internal sealed class GraphQlConnection(Uri url, ResilientSender sender, SecretMasker scrubber)
{
    /// <summary>
    /// Sends <paramref name="query"/> with <paramref name="variables"/>, with a bearer token unless
    /// <paramref name="bearer"/> is null. Throws <see cref="SpaceliftException"/> when no answer came,
    /// when it is not JSON, or on an HTTP error other than 401.
    /// </summary>
    public async Task<GraphQlAnswer> ExecuteAsync(
        string operation, string query, JsonObject variables, string? bearer, RequestKind kind, CancellationToken cancellationToken)
    {
        var body = JsonWire.ToUtf8(new JsonObject { ["query"] = query, ["variables"] = variables });
        SentResponse sent;
        try
        {
            sent = await sender.SendAsync(() => Build(body, bearer), kind, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException exception)
        {
            throw new SpaceliftUnreachableException(
                scrubber.MaskText($"Spacelift at {url} did not answer {operation}: {exception.Message}; check {KnownKey.SpaceliftEndpoint.Names} and that Spacelift is reachable"),
                exception.InnerException);
        }

        using (sent)
        {
            var status = sent.Response.StatusCode;
            var json = JsonWire.TryParseObject(sent.Body);
            if (IsTransient(status))
            {
                // Still failing after the retries: an outage (or a proxy in front of one), not a wrong URL.
                var every = sent.Attempts.Count > 1 ? " on every attempt" : "";
                var said = JsonWire.Snippet(sent.Body, text => scrubber.MaskText(text));
                throw new SpaceliftUnreachableException(scrubber.MaskText($"Spacelift at {url} answered {operation} with HTTP {(int)status}{every} ({sent.Attempts}): {said}"));
            }

            if (status == HttpStatusCode.Unauthorized)
            {
                // With a bearer, any 401 refuses the token (spacectl's guide: on 401, exchange the key
                // again). Without one (the key exchange itself), Spacelift refuses a key inside a
                // GraphQL answer (errors, or a null apiKeyUser: spacectl, terraform-provider-spacelift);
                // a 401 of another kind (Port's {ok, error} envelope, a proxy's login page) means the
                // URL leads somewhere else, and the key may well be right.
                if (bearer is null && (json is null || (json["errors"] is not JsonArray && !json.ContainsKey("data"))))
                {
                    throw Invalid(operation, status, "the answer is not a GraphQL answer", sent.Body);
                }

                return new GraphQlAnswer(status, null, json is null ? [] : Errors(operation, status, json, sent.Body));
            }

            if (json is null)
            {
                throw Invalid(operation, status, "the answer is not a JSON object", sent.Body);
            }

            var errors = Errors(operation, status, json, sent.Body);
            if ((int)status is < 200 or > 299)
            {
                var detail = errors.Count > 0 ? string.Join("; ", errors) : JsonWire.Snippet(sent.Body, text => scrubber.MaskText(text));
                throw new SpaceliftException($"Spacelift {operation}: {detail} (HTTP {(int)status})");
            }

            return new GraphQlAnswer(status, json["data"], errors);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private SpaceliftException Invalid(string operation, HttpStatusCode status, string problem, byte[] body) =>
        new(scrubber.MaskText($"Spacelift {operation}: {problem} (HTTP {(int)status}): {JsonWire.Snippet(body, text => scrubber.MaskText(text))}"));

    private HttpRequestMessage Build(byte[] body, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonWire.Content(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private List<string> Errors(string operation, HttpStatusCode status, JsonObject json, byte[] body)
    {
        switch (json["errors"])
        {
            case null:
                return [];
            case JsonArray errors:
                return errors.Select(error => scrubber.MaskText(JsonWire.String(error?["message"]) ?? "(an error without a message)")).ToList();
            default:
                throw Invalid(operation, status, "\"errors\" is not a list", body);
        }
    }
}
