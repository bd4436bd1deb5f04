using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Port;

/// <summary>
/// The one path every Port request takes: base URL, bearer token (fetched, cached, refreshed once on
/// a 401), User-Agent and JSON through <see cref="ResilientSender"/>, then Port's status mapped to a
/// typed exception by <see cref="PortErrors"/>.
/// </summary>
internal sealed class PortConnection
{
    // Renew this long before Port's expiresIn runs out, so a token never expires in flight.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

    private readonly Uri _baseUrl;
    private readonly PortSettings _settings;
    private readonly ResilientSender _sender;
    private readonly ClientStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly SecretMasker _scrubber = new();
    private readonly TokenCache<PortToken> _tokens;

    public PortConnection(PortSettings settings, ResilientSender sender, ClientStatistics statistics, TimeProvider time)
    {
        _settings = settings;
        _baseUrl = new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
        _sender = sender;
        _statistics = statistics;
        _time = time;
        _scrubber.Add(settings.ClientSecret.Reveal());
        // An identifier shown in clear, even when the secret has the same value.
        _scrubber.Allow(settings.ClientId);
        _tokens = new TokenCache<PortToken>(FetchTokenAsync, token => token.RenewAt, time);
    }

    /// <summary>
    /// Sends the request with a valid token and returns Port's answer, whatever its status. Throws only
    /// when no answer came (<see cref="PortUnreachableException"/>) or the credentials are refused.
    /// </summary>
    public async Task<PortAnswer> SendAsync(PortRequest request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var answer = await SendWithTokenAsync(request, token.Value, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            // Port can revoke a token before expiresIn (new credentials, a restart); fetch one more and
            // try once again. A second 401 is then a real refusal.
            _statistics.CountTokenRefresh();
            token = await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
            var retried = await SendWithTokenAsync(request, token.Value, cancellationToken).ConfigureAwait(false);
            answer = retried with { MayHaveLanded = answer.MayHaveLanded || retried.MayHaveLanded };
        }

        // A create retried after a dropped connection or a 5xx may have been stored by the attempt
        // whose answer we lost: Port then says 409 identifier_taken to the retry, although the
        // resource is the one we sent. Likewise a retried delete meets 404. Both mean "done".
        if (answer.MayHaveLanded && answer.Status == request.DoneIfLanded
            && (answer.Status != HttpStatusCode.Conflict || JsonWire.String(answer.Body?["error"]) == "identifier_taken"))
        {
            _statistics.CountAcceptedAfterRetry();
            return answer with { AcceptedAfterRetry = true };
        }

        return answer;
    }

    /// <summary>The body of a successful answer; a failed or malformed one becomes its exception.</summary>
    public JsonObject EnsureSuccess(PortRequest request, PortAnswer answer)
    {
        if (answer.AcceptedAfterRetry)
        {
            return new JsonObject { ["ok"] = true };
        }

        if (!answer.IsSuccess)
        {
            throw Failure(request, answer);
        }

        if (answer.Body is null)
        {
            throw PortErrors.Protocol(request, answer, "Port's answer is not a JSON object", _scrubber);
        }

        if (JsonWire.Boolean(answer.Body["ok"]) != true)
        {
            throw PortErrors.Protocol(request, answer, "Port's answer has no \"ok\": true", _scrubber);
        }

        return answer.Body;
    }

    /// <summary>The object under <paramref name="key"/>, detached from the envelope so callers may keep or move it.</summary>
    public JsonObject Resource(PortRequest request, PortAnswer answer, JsonObject body, string key)
    {
        if (body[key] is not JsonObject resource)
        {
            throw PortErrors.Protocol(request, answer, $"Port's answer has no \"{key}\" object", _scrubber);
        }

        body.Remove(key);
        return resource;
    }

    /// <summary>The exception for an answer outside 2xx, from the one status table.</summary>
    public PortApiException Failure(PortRequest request, PortAnswer answer) => PortErrors.From(request, answer, _baseUrl, _scrubber);

    public PortProtocolException Protocol(PortRequest request, PortAnswer answer, string problem) =>
        PortErrors.Protocol(request, answer, problem, _scrubber);

    public string Scrub(PortRequest request, string text) => PortErrors.Scrub(request, text, _scrubber);

    private async Task<PortAnswer> SendWithTokenAsync(PortRequest request, string? token, CancellationToken cancellationToken)
    {
        try
        {
            using var sent = await _sender.SendAsync(() => Build(request, token), request.Kind, cancellationToken).ConfigureAwait(false);
            return new PortAnswer(sent.Response.StatusCode, JsonWire.TryParseObject(sent.Body), sent.Body, sent.MayHaveLanded, sent.Attempts);
        }
        catch (TransportException exception)
        {
            throw new PortUnreachableException(
                Scrub(request, $"Port at {_baseUrl} did not answer {request}: {exception.Message}; check {KnownKey.PortBaseUrl.Names} and that Port is reachable"),
                exception.InnerException);
        }
    }

    private HttpRequestMessage Build(PortRequest request, string? token)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_baseUrl, request.Path));
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (request.Body is { } body)
        {
            message.Content = JsonWire.Content(body);
        }

        return message;
    }

    private async Task<PortToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var secret = _settings.ClientSecret.Reveal();
        var request = new PortRequest(HttpMethod.Post, PortUrls.AccessToken, RequestKind.Token)
        {
            Body = JsonWire.ToUtf8(new JsonObject { ["clientId"] = _settings.ClientId, ["clientSecret"] = secret }),
            Secrets = [secret],
        };
        if (PortUrls.VersionedRoot(_baseUrl) is { } root)
        {
            throw PortEndpointException.VersionInPath(_baseUrl, root);
        }

        var answer = await SendWithTokenAsync(request, token: null, cancellationToken).ConfigureAwait(false);
        // Known before any check, so no message below can show the token.
        var accessToken = JsonWire.String(answer.Body?["accessToken"]);
        _scrubber.Add(accessToken);
        if (PortErrors.NotPortsTokenAnswer(request, answer, _scrubber) is { } answered)
        {
            throw PortEndpointException.NotPort(_baseUrl, answer.Status, $"{request}: {answered}");
        }

        if ((int)answer.Status is >= 400 and < 500 and not 413 and not 429)
        {
            throw PortErrors.Credentials(request, answer, _baseUrl, _settings.ClientId, _scrubber);
        }

        if (!answer.IsSuccess)
        {
            throw PortErrors.From(request, answer, _baseUrl, _scrubber);
        }

        // The token route's schema does not require "ok"; an explicit false is still a refusal.
        if (answer.Body is not { } body || JsonWire.Boolean(body["ok"]) == false)
        {
            throw PortErrors.Protocol(request, answer, "Port's token answer is not a JSON object with ok", _scrubber);
        }

        if (accessToken is not { Length: > 0 } || JsonWire.Number(body["expiresIn"]) is not { } expiresIn || expiresIn <= 0)
        {
            throw PortErrors.Protocol(request, answer, "Port's token answer lacks accessToken or a positive expiresIn", _scrubber);
        }

        var lifetime = TimeSpan.FromSeconds(expiresIn);
        // Short-lived tokens (tests, emulators) renew at half-life rather than never being fresh.
        var margin = lifetime > 2 * RenewalMargin ? RenewalMargin : lifetime / 2;
        return new PortToken(accessToken, _time.GetUtcNow() + lifetime - margin);
    }
}
