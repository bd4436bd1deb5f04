using System.Diagnostics;
using System.Net;
using System.Text;
using Emulators.Faults;
using Emulators.Hosting;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>Each fault kind as a client sees it over HTTP, and latency.</summary>
public sealed class HostFaultTests : IAsyncLifetime
{
    private const string StacksQuery = """{"query":"{stacks{id}}"}""";
    private EmulatorHost _host = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
        => _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 2, SlowFaultDelay = TimeSpan.FromMilliseconds(400) });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TooManyRequestsCarriesSmallRetryHeaders()
    {
        _host.Faults.Configure("port:429=1", seed: 1);

        using var response = await _http.GetAsync(new Uri(_host.PortUrl, "v1/blueprints"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("x-ratelimit-reset")));
        Assert.Contains("\"ok\":false", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _host.Faults.Injected(FaultKind.TooManyRequests));
    }

    [Fact]
    public async Task SpaceliftRateLimitAnswersWithGraphQLError()
    {
        _host.Faults.Configure("spacelift.query:429=1", seed: 1);

        using var response = await PostGraphQLAsync(StacksQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("""{"errors":[{"message":"rate limit exceeded"}]}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("500", HttpStatusCode.InternalServerError)]
    [InlineData("502", HttpStatusCode.BadGateway)]
    [InlineData("503", HttpStatusCode.ServiceUnavailable)]
    public async Task ServerErrorKindsAnswerWithTheirStatus(string kind, HttpStatusCode expected)
    {
        _host.Faults.Configure($"port.entities:{kind}=1,spacelift:{kind}=1", seed: 1);

        using var port = await _http.GetAsync(new Uri(_host.PortUrl, "v1/blueprints/space_lift_stack/entities"));
        using var spacelift = await PostGraphQLAsync(StacksQuery);

        Assert.Equal(expected, port.StatusCode);
        Assert.Equal(expected, spacelift.StatusCode);
    }

    [Fact]
    public async Task DropAbortsTheConnectionWithoutAResponse()
    {
        _host.Faults.Configure("spacelift:drop=1", seed: 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostGraphQLAsync(StacksQuery));

        Assert.Equal(1, _host.Faults.Injected(FaultKind.Drop));
    }

    [Fact]
    public async Task SlowHoldsTheResponseThenServesIt()
    {
        _host.Faults.Configure("spacelift:slow=1", seed: 1);
        var clock = Stopwatch.StartNew();

        using var response = await PostGraphQLAsync(StacksQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task TokenExchangeIsSparedByServiceWideFaults()
    {
        _host.Faults.Configure("spacelift:500=1", seed: 1);

        using var response = await PostGraphQLAsync("""{"query":"mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt}}","variables":{"id":"01EMULATOREMULATOREMULATOR","secret":"emulator"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _host.Faults.InjectedTotal);
    }

    [Fact]
    public async Task LatencyIsAddedToEveryResponse()
    {
        _host.LatencyMs = 300;
        var clock = Stopwatch.StartNew();

        using var spacelift = await PostGraphQLAsync(StacksQuery);
        var spaceliftElapsed = clock.Elapsed;
        clock.Restart();
        using var port = await _http.GetAsync(new Uri(_host.PortUrl, "v1/blueprints"));

        Assert.True(spaceliftElapsed >= TimeSpan.FromMilliseconds(290), $"spacelift took {spaceliftElapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"port took {clock.Elapsed}");
    }

    private Task<HttpResponseMessage> PostGraphQLAsync(string json)
        => _http.PostAsync(_host.SpaceliftGraphQLUrl, new StringContent(json, Encoding.UTF8, "application/json"));
}
