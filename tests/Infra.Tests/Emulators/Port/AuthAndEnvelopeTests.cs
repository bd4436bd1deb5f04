using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Emulators.Port;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Port;

public sealed class AuthAndEnvelopeTests
{
    private static JsonObject Credentials(string secret = "emulator") => new() { ["clientId"] = "emulator", ["clientSecret"] = secret };

    [Fact]
    public async Task AccessTokenAnswersPortsShapeAndTheSameTokenWhileValid()
    {
        await using var host = await PortTestHost.StartAsync(login: false);

        var (status, first) = await host.PostAsync("/v1/auth/access_token", Credentials());
        var (_, second) = await host.PostAsync("/v1/auth/access_token", Credentials());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(first["ok"]!.GetValue<bool>());
        Assert.Equal("Bearer", first["tokenType"]!.GetValue<string>());
        Assert.InRange(first["expiresIn"]!.GetValue<long>(), 10_790, 10_800);
        Assert.Equal(3, first["accessToken"]!.GetValue<string>().Split('.').Length);
        Assert.Equal(first["accessToken"]!.GetValue<string>(), second["accessToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExpiredTokenIsRejectedAndANewOneIsIssued()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await PortTestHost.StartAsync(new PortEmulatorOptions { Time = time });
        var (_, first) = await host.PostAsync("/v1/auth/access_token", Credentials());

        time.Advance(TimeSpan.FromHours(3));
        var (expired, _) = await host.GetAsync("/v1/blueprints");
        var (_, renewed) = await host.PostAsync("/v1/auth/access_token", Credentials());

        Assert.Equal(HttpStatusCode.Unauthorized, expired);
        Assert.NotEqual(first["accessToken"]!.GetValue<string>(), renewed["accessToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadCredentialsAnswer401Envelope()
    {
        await using var host = await PortTestHost.StartAsync(login: false);

        var (status, body) = await host.PostAsync("/v1/auth/access_token", Credentials("wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal("unauthorized", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenBodyIsStrict()
    {
        await using var host = await PortTestHost.StartAsync(login: false);
        var body = Credentials();
        body["scope"] = "all";

        var (status, answer) = await host.PostAsync("/v1/auth/access_token", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("scope", answer["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/v1/blueprints")]
    [InlineData("GET", "/v1/organization/secrets")]
    [InlineData("POST", "/v1/actions")]
    [InlineData("GET", "/v1/no/such/route")]
    public async Task EveryOtherRouteNeedsABearerToken(string method, string path)
    {
        await using var host = await PortTestHost.StartAsync(login: false);

        var (status, body) = await host.SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal("unauthorized", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AForgedTokenIsRejected()
    {
        await using var host = await PortTestHost.StartAsync(login: false);
        host.Http.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.forged");

        var (status, _) = await host.GetAsync("/v1/blueprints");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task EveryResponseCarriesATraceIdAndRateLimitHeadersWithRemainingDecreasing()
    {
        await using var host = await PortTestHost.StartAsync();

        using var first = await host.Http.GetAsync("/v1/blueprints");
        using var second = await host.Http.GetAsync("/v1/blueprints/missing");

        foreach (var response in new[] { first, second })
        {
            Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Trace-Id").Single()));
            Assert.Equal("35000", response.Headers.GetValues("x-ratelimit-limit").Single());
            Assert.Equal("300", response.Headers.GetValues("x-ratelimit-period").Single());
            Assert.InRange(int.Parse(response.Headers.GetValues("x-ratelimit-reset").Single()), 1, 300);
        }

        Assert.Equal(
            int.Parse(first.Headers.GetValues("x-ratelimit-remaining").Single()) - 1,
            int.Parse(second.Headers.GetValues("x-ratelimit-remaining").Single()));
        Assert.NotEqual(first.Headers.GetValues("X-Trace-Id").Single(), second.Headers.GetValues("X-Trace-Id").Single());
    }

    [Fact]
    public async Task EnforcedRateLimitAnswers429WithRetryAfter()
    {
        await using var host = await PortTestHost.StartAsync(new PortEmulatorOptions { RateLimit = 3, EnforceRateLimit = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Http.GetAsync("/v1/blueprints");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task BodiesOverOneMebibyteAnswer413()
    {
        await using var host = await PortTestHost.StartAsync();
        var blueprint = GuideResources.Blueprint();
        blueprint["description"] = new string('x', 1024 * 1024);

        var (status, body) = await host.PostAsync("/v1/blueprints", blueprint);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.False(body["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ChunkedBodiesOverTheLimitAnswer413Too()
    {
        await using var host = await PortTestHost.StartAsync();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/blueprints") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task MalformedJsonAnswers400WithAClearMessage()
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.SendRawAsync(HttpMethod.Post, "/v1/blueprints", "{\"identifier\": ");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad_request", body["error"]!.GetValue<string>());
        Assert.Contains("not valid JSON", body["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "identifier": 5, "title": "T", "schema": { "properties": {} } }""", 422)]
    [InlineData("""{ "identifier": "x", "identifier": "y", "title": "T", "schema": { "properties": {} } }""", 400)]
    [InlineData("[1, 2]", 422)]
    public async Task WrongJsonShapesAnswerClientErrorsNot500(string json, int expected)
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.SendRawAsync(HttpMethod.Post, "/v1/blueprints", json);

        Assert.Equal(expected, (int)status);
        Assert.False(body["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnknownRoutesAnswerNotFoundEnvelope()
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, body) = await host.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_found", body["error"]!.GetValue<string>());
    }
}
