using System.Net;
using System.Text;
using Emulators.Faults;
using Emulators.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>Each fault kind as a client sees it over HTTP, and latency.</summary>
public sealed class HostFaultTests : IAsyncLifetime
{
    private const string StacksQuery = """{"query":"{stacks{id}}"}""";
    private static readonly TimeSpan SlowDelay = TimeSpan.FromMilliseconds(400);

    // The emulators wait on this clock, and only the test moves it: how long an answer was held is
    // measured in the clock's time, which no load on the machine can shorten or stretch.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private EmulatorHost _host = null!;

    public async Task InitializeAsync()
        => _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 2, SlowFaultDelay = SlowDelay, Time = _clock });

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

        var (response, held) = await DriveClockUntilAnsweredAsync(PostGraphQLAsync(StacksQuery));

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(held >= SlowDelay, $"answered after {held} on the emulators' clock");
        Assert.Equal(1, _host.Faults.Injected(FaultKind.Slow));
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

        var (spacelift, spaceliftHeld) = await DriveClockUntilAnsweredAsync(PostGraphQLAsync(StacksQuery));
        var (port, portHeld) = await DriveClockUntilAnsweredAsync(_http.GetAsync(new Uri(_host.PortUrl, "v1/blueprints")));
        spacelift.Dispose();
        port.Dispose();

        Assert.True(spaceliftHeld >= TimeSpan.FromMilliseconds(300), $"spacelift answered after {spaceliftHeld} on the emulators' clock");
        Assert.True(portHeld >= TimeSpan.FromMilliseconds(300), $"port answered after {portHeld} on the emulators' clock");
    }

    /// <summary>
    /// Moves the emulators' clock in 10 ms steps until <paramref name="request"/> is answered, and says
    /// how far it had to move. An answer the emulator holds for D cannot arrive before the clock moved D.
    /// </summary>
    private async Task<(HttpResponseMessage Response, TimeSpan Held)> DriveClockUntilAnsweredAsync(Task<HttpResponseMessage> request)
    {
        var start = _clock.GetUtcNow();
        for (var step = 0; step < 3_000 && !request.IsCompleted; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.WhenAny(request, Task.Delay(5));
        }

        return (await request, _clock.GetUtcNow() - start);
    }

    private Task<HttpResponseMessage> PostGraphQLAsync(string json)
        => _http.PostAsync(_host.SpaceliftGraphQLUrl, new StringContent(json, Encoding.UTF8, "application/json"));
}
