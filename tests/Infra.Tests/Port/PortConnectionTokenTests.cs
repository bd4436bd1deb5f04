using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Cli.Port;
using Infra.Tests.Port.Support;
using Infra.Cli.Http;

namespace Infra.Tests.Port;

public sealed class PortConnectionTokenTests
{
    [Fact]
    public async Task AsksForOneTokenWithTheClientCredentialsAndReusesIt()
    {
        // Given
        var port = new TestPort(_ => TestPort.Envelope("blueprint"));

        // When
        for (var i = 0; i < 3; i++)
        {
            await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);
        }

        // Then
        var token = Assert.Single(port.TokenRequests);
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Null(token.Authorization);
        Assert.Equal(TestPort.ClientId, token.Json["clientId"]!.GetValue<string>());
        Assert.Equal(TestPort.ClientSecret, token.Json["clientSecret"]!.GetValue<string>());
        Assert.All(port.ApiRequests, request => Assert.Equal("Bearer port-token-1", request.Authorization));
        Assert.Equal(1, port.Statistics.TokenRequests);
        Assert.Equal(3, port.Statistics.Reads);
    }

    [Fact]
    public async Task SendsTheInfraUserAgent()
    {
        var port = new TestPort(_ => TestPort.Envelope("blueprint"));

        await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);

        Assert.All(port.Handler.Requests, request => Assert.StartsWith("infra/", request.UserAgent));
    }

    [Fact]
    public async Task AsksForANewTokenBeforeExpiresInRunsOut()
    {
        var port = new TestPort(_ => TestPort.Envelope("blueprint"));
        port.TokenAnswer = number => Answers.PortToken($"port-token-{number}", expiresIn: 600);
        await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);

        port.Clock.Advance(TimeSpan.FromSeconds(530));
        await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);
        port.Clock.Advance(TimeSpan.FromSeconds(20));
        await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);

        Assert.Equal(2, port.TokenRequests.Count);
        Assert.Equal(["Bearer port-token-1", "Bearer port-token-1", "Bearer port-token-2"], port.ApiRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task RefreshesTheTokenOnceOnA401AndRetriesTheRequest()
    {
        var port = new TestPort(request => request.Authorization == "Bearer port-token-1"
            ? Answers.PortError(HttpStatusCode.Unauthorized, "unauthorized", "expired")
            : TestPort.Envelope("blueprint"));

        var blueprint = await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);

        Assert.NotNull(blueprint);
        Assert.Equal(2, port.TokenRequests.Count);
        Assert.Equal(["Bearer port-token-1", "Bearer port-token-2"], port.ApiRequests.Select(r => r.Authorization));
        Assert.Equal(1, port.Statistics.TokenRefreshes);
    }

    [Fact]
    public async Task GivesUpAfterOneRefreshWhenTheNewTokenIsRefusedToo()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.Unauthorized, "unauthorized", "no"));

        await Assert.ThrowsAsync<PortAuthenticationException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Equal(2, port.TokenRequests.Count);
        Assert.Equal(2, port.ApiRequests.Count);
    }

    [Fact]
    public async Task ConcurrentRequestsShareOneTokenRequest()
    {
        var port = new TestPort(async (_, _) =>
        {
            await Task.Yield();
            return TestPort.Envelope("action");
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => port.Client.GetActionAsync($"a{i}", CancellationToken.None)));

        Assert.Single(port.TokenRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task RefusedCredentialsNameTheSettingsAndExitWithTheAuthenticationCode(HttpStatusCode status)
    {
        var port = new TestPort(_ => TestPort.Envelope("blueprint"));
        port.TokenAnswer = _ => Answers.PortError(status, "invalid_credentials", $"bad secret {TestPort.ClientSecret}");

        var exception = await Assert.ThrowsAsync<PortAuthenticationException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Equal(ExitCodes.Authentication, exception.ExitCode);
        Assert.StartsWith($"Port at {TestPort.BaseUrl} refused client id {TestPort.ClientId} (bad secret [secret], HTTP ", exception.Message);
        Assert.Contains("port:clientId / PORT_CLIENT_ID", exception.Message);
        Assert.Contains("port:secret / PORT_CLIENT_SECRET", exception.Message);
        Assert.DoesNotContain(TestPort.ClientSecret, exception.Message);
        Assert.Empty(port.ApiRequests);
    }

    [Fact]
    public async Task ATokenAnswerWithoutExpiresInIsAProtocolErrorThatDoesNotShowTheToken()
    {
        var port = new TestPort(_ => TestPort.Envelope("blueprint"));
        port.TokenAnswer = _ => Answers.Ok("""{"ok":true,"accessToken":"leaky-token-value"}""");

        var exception = await Assert.ThrowsAsync<PortProtocolException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Contains("expiresIn", exception.Message);
        Assert.DoesNotContain("leaky-token-value", exception.Message);
    }

    [Fact]
    public async Task RetriesTheTokenRequestOnA503()
    {
        var calls = 0;
        var port = new TestPort(_ => TestPort.Envelope("blueprint"));
        port.TokenAnswer = number => Interlocked.Increment(ref calls) == 1
            ? Answers.PortError(HttpStatusCode.ServiceUnavailable, "unavailable", "busy")
            : Answers.PortToken("port-token-ok");

        await port.Client.CreateBlueprintAsync(new JsonObject { ["identifier"] = "b" }, CancellationToken.None);

        Assert.Equal("Bearer port-token-ok", port.ApiRequests.Single().Authorization);
        Assert.Equal(1, port.Statistics.RetriesFor(RetryCause.ServerError));
    }
}
