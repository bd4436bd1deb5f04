using System.Net;
using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Cli.Http;
using Infra.Tests.Support;

namespace Infra.Tests.Port.Support;

/// <summary>A Port client over a stub handler, on an instant clock, that answers the token route itself.</summary>
public sealed class TestPort
{
    public const string ClientId = "client-id-1";
    public const string ClientSecret = "port-client-secret-Q7x";
    public const string Token = "port-token-1";

    public static readonly Uri BaseUrl = new("https://port.test/");

    private int _tokens;

    public TestPort(Func<RecordedRequest, HttpResponseMessage> respond, int maxRetries = 3, int concurrency = 4, TimeSpan? requestTimeout = null, TimeProvider? time = null)
        : this((request, _) => Task.FromResult(respond(request)), maxRetries, concurrency, requestTimeout, time)
    {
    }

    public TestPort(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond, int maxRetries = 3, int concurrency = 4, TimeSpan? requestTimeout = null, TimeProvider? time = null)
    {
        Handler = new StubHttpMessageHandler((request, cancellationToken) => request.Path == "/v1/auth/access_token"
            ? Task.FromResult(TokenAnswer(Interlocked.Increment(ref _tokens)))
            : respond(request, cancellationToken));
        Time = time ?? new InstantTimeProvider();
        Statistics = new ClientStatistics();
        var options = new ClientOptions(
            Concurrency: concurrency,
            MaxRetries: maxRetries,
            RequestTimeout: requestTimeout ?? TimeSpan.FromMinutes(5),
            Handler: Handler,
            Time: Time,
            Statistics: Statistics,
            // A pinned jitter: with a random one, "the third delay is longer than the first" failed
            // about one run in six.
            Jitter: () => 0.5);
        Client = PortClient.Create(new PortSettings(BaseUrl, ClientId, new Secret(ClientSecret)), options);
    }

    public IPortClient Client { get; }

    public StubHttpMessageHandler Handler { get; }

    public TimeProvider Time { get; }

    public InstantTimeProvider Clock => (InstantTimeProvider)Time;

    public ClientStatistics Statistics { get; }

    /// <summary>Token answers; tokens are numbered port-token-1, port-token-2, ...</summary>
    public Func<int, HttpResponseMessage> TokenAnswer { get; set; } = number => Answers.PortToken($"port-token-{number}");

    /// <summary>Requests other than the token route.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => Handler.Requests.Where(r => r.Path != "/v1/auth/access_token").ToArray();

    public IReadOnlyList<RecordedRequest> TokenRequests => Handler.Requests.Where(r => r.Path == "/v1/auth/access_token").ToArray();

    public static HttpResponseMessage Envelope(string key, string json = """{"identifier":"x"}""", HttpStatusCode status = HttpStatusCode.OK) =>
        Answers.Json(status, $$"""{"ok":true,"{{key}}":{{json}}}""");
}
