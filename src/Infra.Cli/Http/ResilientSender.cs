using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Infra.Cli.Http;

/// <summary>
/// Sends requests through the shared handler with Polly: retries with exponential backoff and jitter
/// (or the server's own <c>Retry-After</c>) on 429, 500, 502, 503, 504, dropped connections and
/// timeouts; a timeout per attempt; and pacing from Port's rate-limit headers. Used by both clients.
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

    public ResilientSender(ClientOptions options, ClientStatistics statistics)
    {
        var time = options.EffectiveTime;
        _statistics = statistics;
        _requestTimeout = options.EffectiveRequestTimeout;
        _gate = new RateLimitGate(time, statistics);
        // The handler is shared (or the caller's), so this client must never dispose it.
        _http = new HttpClient(options.Handler ?? SharedHttpHandler.Value, disposeHandler: false)
        {
            // Per-attempt timeouts are Polly's; HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(UserAgent.Value);
        _http.DefaultRequestHeaders.Accept.Add(new(JsonWire.MediaType));
        _retry = BuildRetry(options, time, statistics);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(_requestTimeout).Build();
    }

    /// <summary>
    /// Sends the request <paramref name="createRequest"/> builds (called once per attempt, since a
    /// request message cannot be sent twice) and returns the final answer with its body read.
    /// Throws <see cref="TransportException"/> when no answer came after every attempt.
    /// </summary>
    public async Task<SentResponse> SendAsync(Func<HttpRequestMessage> createRequest, RequestKind kind, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var trail = new SendTrail();
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
                return new SentResponse(response, body, trail.MayHaveLanded);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (HttpRequestException exception)
        {
            throw new TransportException($"the connection failed after {trail.Attempts} attempt(s): {exception.Message}", exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new TransportException($"no answer within {_requestTimeout.TotalSeconds:0.###} s, {trail.Attempts} attempt(s)", exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

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
                // ResponseContentRead buffers the body inside the attempt, so the timeout covers it.
                return await state.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            },
            (Http: _http, CreateRequest: createRequest),
            cancellationToken).ConfigureAwait(false);
        _gate.Observe(response);
        return response;
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildRetry(ClientOptions options, TimeProvider time, ClientStatistics statistics)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
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
            ShouldHandle = args => ValueTask.FromResult(Classify(args.Outcome) is not null),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? ServerDelay.RetryAfter(response, time) : null),
            OnRetry = args =>
            {
                var cause = Classify(args.Outcome)!.Value;
                statistics.CountRetry(cause);
                if (cause != RetryCause.RateLimited)
                {
                    args.Context.Properties.GetValue(TrailKey, new SendTrail()).MayHaveLanded = true;
                }

                return ValueTask.CompletedTask;
            },
        }).Build();
    }

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

    /// <summary>What happened to the attempts of one request, kept in the Polly context.</summary>
    private sealed class SendTrail
    {
        public int Attempts;

        public bool MayHaveLanded { get; set; }
    }
}
