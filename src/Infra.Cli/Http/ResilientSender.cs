using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Infra.Cli.Http;

/// <summary>
/// Sends requests through the shared handler with Polly: retries with exponential backoff and jitter
/// (or the server's own <c>Retry-After</c>) on 429, 500, 502, 503, 504, dropped connections and
/// timeouts; a timeout per attempt; and pacing from Port's rate-limit headers. Used by both clients.
/// Retries are bounded per request (<see cref="ClientOptions.MaxRetries"/>, and only
/// <see cref="ClientOptions.ConnectRetries"/> when no connection could be made) and per client while
/// its service gives no answer (<see cref="RetryBudget"/>); each retry is reported to <see cref="RetryProgress"/>.
/// </summary>
internal sealed class ResilientSender
{
    private static readonly ResiliencePropertyKey<SendTrail> TrailKey = new("infra.send-trail");

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly RateLimitGate _gate;
    private readonly ClientStatistics _statistics;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeProvider _time;
    private readonly RetryBudget _budget;
    private readonly int _maxRetries;
    private readonly string _service;

    /// <param name="service">The service's name in progress lines: <c>Port</c> or <c>Spacelift</c>.</param>
    public ResilientSender(ClientOptions options, ClientStatistics statistics, string service = "Port")
    {
        _time = options.EffectiveTime;
        _statistics = statistics;
        _service = service;
        _maxRetries = options.MaxRetries;
        _requestTimeout = options.EffectiveRequestTimeout;
        _budget = new RetryBudget(options.RetryBudget);
        _gate = new RateLimitGate(_time, statistics);
        // The handler is shared (or the caller's), so this client must never dispose it.
        _http = new HttpClient(options.Handler ?? SharedHttpHandler.Value, disposeHandler: false)
        {
            // Per-attempt timeouts are Polly's; HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(UserAgent.Value);
        _http.DefaultRequestHeaders.Accept.Add(new(JsonWire.MediaType));
        _retry = BuildRetry(options);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = _time }.AddTimeout(_requestTimeout).Build();
    }

    /// <summary>
    /// Sends the request <paramref name="createRequest"/> builds (called once per attempt, since a
    /// request message cannot be sent twice) and returns the final answer with its body read.
    /// Throws <see cref="TransportException"/> when no answer came after every attempt.
    /// </summary>
    public async Task<SentResponse> SendAsync(Func<HttpRequestMessage> createRequest, RequestKind kind, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var trail = new SendTrail(_time.GetTimestamp());
        context.Properties.Set(TrailKey, trail);
        try
        {
            var response = await _retry.ExecuteAsync(
                static (ctx, state) => state.Sender.AttemptAsync(state.CreateRequest, state.Kind, state.Trail, ctx.CancellationToken),
                context,
                (Sender: this, CreateRequest: createRequest, Kind: kind, Trail: trail)).ConfigureAwait(false);
            try
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return new SentResponse(response, body, trail.MayHaveLanded, Summary(trail));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (HttpRequestException exception)
        {
            throw new TransportException(Problem(exception), Summary(trail), exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new TransportException($"no answer within {AttemptSummary.Seconds(_requestTimeout)}", Summary(trail), exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private AttemptSummary Summary(SendTrail trail) => new(Volatile.Read(ref trail.Attempts), _time.GetElapsedTime(trail.Started), trail.BudgetSpent);

    private async ValueTask<HttpResponseMessage> AttemptAsync(
        Func<HttpRequestMessage> createRequest, RequestKind kind, SendTrail trail, CancellationToken cancellationToken)
    {
        // Pacing waits happen outside the attempt's timeout: waiting for a window is not a slow answer.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref trail.Attempts);
        _statistics.CountRequest(kind);
        var response = await _timeout.ExecuteAsync(
            static async (state, ct) =>
            {
                using var request = state.CreateRequest();
                state.Trail.Describe(request);
                // ResponseContentRead buffers the body inside the attempt, so the timeout covers it.
                return await state.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            },
            (Http: _http, CreateRequest: createRequest, Trail: trail),
            cancellationToken).ConfigureAwait(false);
        _gate.Observe(response);
        if (Classify(Outcome.FromResult(response)) is null)
        {
            _budget.Refund();
        }

        return response;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildRetry(ClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (options.MaxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Randomizer = options.Jitter ?? Random.Shared.NextDouble,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? ServerDelay.RetryAfter(response, _time) : null),
            OnRetry = args =>
            {
                var cause = Classify(args.Outcome)!.Value;
                _statistics.CountRetry(cause);
                var trail = args.Context.Properties.GetValue(TrailKey, new SendTrail(0));
                if (cause != RetryCause.RateLimited)
                {
                    trail.MayHaveLanded = true;
                }

                RetryProgress.Report(new RetryNotice(
                    _service, trail.Host ?? "(unknown host)", trail.Request ?? "(request)", Describe(args.Outcome),
                    args.AttemptNumber + 1, RetryLimit(args.Outcome), args.RetryDelay));
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>Retry when the outcome is transient, this request has retries left, and the client's budget does.</summary>
    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        if (Classify(outcome) is not { } cause || attemptNumber >= RetryLimit(outcome))
        {
            return false;
        }

        if (cause == RetryCause.RateLimited || _budget.TryTake())
        {
            return true;
        }

        context.Properties.GetValue(TrailKey, new SendTrail(0)).BudgetSpent = true;
        return false;
    }

    private int RetryLimit(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException e && NeverConnected(e) ? Math.Min(_maxRetries, ClientOptions.ConnectRetries) : _maxRetries;

    private static RetryCause? Classify(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => RetryCause.ConnectionFailed,
        { Exception: TimeoutRejectedException } => RetryCause.Timeout,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => RetryCause.RateLimited,
        // 500 too: Port's internal_error and Spacelift's resolver failures are as a rule transient, every
        // request here is idempotent, and a create that did land is recognised by its 409 on the retry.
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout }
            => RetryCause.ServerError,
        _ => null,
    };

    /// <summary>No connection was made: refused, no route, no such host, or the connect timeout.</summary>
    private static bool NeverConnected(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || exception.InnerException is SocketException;

    private string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException e } => Problem(e),
        { Exception: TimeoutRejectedException } => $"no answer within {AttemptSummary.Seconds(_requestTimeout)}",
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "no answer",
    };

    /// <summary>A few words on why a connection failed; .NET's own message ends the generic case.</summary>
    private static string Problem(HttpRequestException exception) => exception switch
    {
        { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
        { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve",
        { InnerException: SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable } } => "no route to the host",
        _ => "connection failed: " + exception.Message,
    };

    /// <summary>What happened to the attempts of one request, kept in the Polly context.</summary>
    private sealed class SendTrail(long started)
    {
        public int Attempts;

        public long Started { get; } = started;

        public bool MayHaveLanded { get; set; }

        public bool BudgetSpent { get; set; }

        /// <summary><c>POST /v1/auth/access_token</c>, from the first attempt's message.</summary>
        public string? Request { get; private set; }

        /// <summary><c>http://127.0.0.1:9</c>: scheme and authority of the request's URL.</summary>
        public string? Host { get; private set; }

        public void Describe(HttpRequestMessage request)
        {
            if (Request is null && request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                Host = uri.GetLeftPart(UriPartial.Authority);
                Request = $"{request.Method.Method} {uri.AbsolutePath}";
            }
        }
    }
}
