using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Port;
using Infra.Tests.Port.Support;
using Infra.Cli.Http;

namespace Infra.Tests.Port;

public sealed class ResilientSenderTests
{
    private static readonly JsonObject Action = new() { ["identifier"] = "trigger_spacelift_stack" };

    /// <summary>Answers each call in turn with the next of <paramref name="answers"/>, then with the last one.</summary>
    private static HttpRequestException Refused() =>
        new(HttpRequestError.ConnectionError, "Connection refused (port.test:443)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    private static Func<RecordedRequest, HttpResponseMessage> InTurn(params Func<HttpResponseMessage>[] answers)
    {
        var calls = -1;
        return _ => answers[Math.Min(Interlocked.Increment(ref calls), answers.Length - 1)]();
    }

    [Fact]
    public async Task RetriesA429AfterTheRetryAfterSeconds()
    {
        var port = new TestPort(InTurn(
            () => Answers.PortError(HttpStatusCode.TooManyRequests, "rate_limited", "slow down", ("Retry-After", "2")),
            () => TestPort.Envelope("action")));

        await port.Client.GetActionAsync("a", CancellationToken.None);

        Assert.Equal(2, port.ApiRequests.Count);
        Assert.Contains(TimeSpan.FromSeconds(2), port.Clock.Delays);
        Assert.Equal(1, port.Statistics.RetriesFor(RetryCause.RateLimited));
        Assert.Equal(1, port.Statistics.Retries);
    }

    [Fact]
    public async Task ReadsTheRateLimitResetAsSecondsWhenThereIsNoRetryAfter()
    {
        var port = new TestPort(InTurn(
            () => Answers.PortError(HttpStatusCode.TooManyRequests, "rate_limited", "slow down", ("x-ratelimit-reset", "7")),
            () => TestPort.Envelope("action")));

        await port.Client.GetActionAsync("a", CancellationToken.None);

        Assert.Contains(TimeSpan.FromSeconds(7), port.Clock.Delays);
    }

    [Fact]
    public async Task CapsTheWaitAServerAsksFor()
    {
        var port = new TestPort(InTurn(
            () => Answers.PortError(HttpStatusCode.TooManyRequests, "rate_limited", "slow down", ("Retry-After", "3600")),
            () => TestPort.Envelope("action")));

        await port.Client.GetActionAsync("a", CancellationToken.None);

        Assert.Contains(TimeSpan.FromSeconds(60), port.Clock.Delays);
        Assert.DoesNotContain(port.Clock.Delays, delay => delay > TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task RetriesAServerThatIsBrieflyUnavailable(HttpStatusCode status)
    {
        var port = new TestPort(InTurn(() => Answers.PortError(status, "unavailable", "later"), () => TestPort.Envelope("action")));

        await port.Client.GetActionAsync("a", CancellationToken.None);

        Assert.Equal(2, port.ApiRequests.Count);
        Assert.Equal(1, port.Statistics.RetriesFor(RetryCause.ServerError));
    }

    [Fact]
    public async Task DoesNotRetryAClientError()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.BadRequest, "bad_request", "boom"));

        await Assert.ThrowsAsync<PortApiException>(() => port.Client.GetActionAsync("a", CancellationToken.None));

        Assert.Single(port.ApiRequests);
        Assert.Equal(0, port.Statistics.Retries);
    }

    [Fact]
    public async Task RetriesADroppedConnection()
    {
        var port = new TestPort(InTurn(() => throw new HttpRequestException("connection reset"), () => TestPort.Envelope("action")));

        Assert.NotNull(await port.Client.GetActionAsync("a", CancellationToken.None));

        Assert.Equal(1, port.Statistics.RetriesFor(RetryCause.ConnectionFailed));
    }

    [Fact]
    public async Task StopsAfterMaxRetriesAndReportsPortsLastAnswer()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.ServiceUnavailable, "unavailable", "still down"), maxRetries: 4);

        var exception = await Assert.ThrowsAsync<PortApiException>(() => port.Client.GetActionAsync("a", CancellationToken.None));

        Assert.Equal(5, port.ApiRequests.Count);
        Assert.StartsWith("Port at https://port.test/ answered GET /v1/actions/a with HTTP 503 on every attempt (5 attempts over ", exception.Message);
        Assert.EndsWith("): still down", exception.Message);
        Assert.Equal(4, port.Statistics.RetriesFor(RetryCause.ServerError));
    }

    [Fact]
    public async Task RetriesAreBoundedPerClientNotPerRequest()
    {
        // Ten reads at once against a Port that answers 503 to everything: each may retry six times,
        // but the client's budget for the run is shared, so the total stays near ten plus the budget.
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.ServiceUnavailable, "unavailable", "down"), maxRetries: 6, concurrency: 16);

        var reads = Enumerable.Range(0, 10).Select(i => port.Client.GetActionAsync($"a{i}", CancellationToken.None)).ToList();
        foreach (var read in reads)
        {
            await Assert.ThrowsAsync<PortApiException>(() => read);
        }

        Assert.InRange(port.ApiRequests.Count, 10, 10 + 20);
    }

    [Fact]
    public async Task ARefusedConnectionIsTriedTwiceMoreAtOnceNotSixTimesOverHalfAMinute()
    {
        var port = new TestPort(_ => throw Refused(), maxRetries: 6);

        var exception = await Assert.ThrowsAsync<PortUnreachableException>(() => port.Client.GetActionAsync("a", CancellationToken.None));

        Assert.Equal(3, port.ApiRequests.Count);
        Assert.True(port.Clock.Delays.Sum(d => d.TotalSeconds) < 5, string.Join(", ", port.Clock.Delays));
        Assert.Contains("refused", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("3 attempts", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BacksOffExponentiallyWhenTheServerGivesNoHint()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.ServiceUnavailable, "unavailable", "down"), maxRetries: 3);

        await Assert.ThrowsAsync<PortApiException>(() => port.Client.GetActionAsync("a", CancellationToken.None));

        var delays = port.Clock.Delays;
        Assert.Equal(3, delays.Count);
        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
        Assert.True(delays[2] > delays[0], $"expected growth: {string.Join(", ", delays)}");
    }

    [Fact]
    public async Task RetriesAnAttemptThatTimesOut()
    {
        // Given: the first attempt never answers; real time, a short per-attempt timeout.
        var calls = 0;
        var port = new TestPort(
            async (_, cancellationToken) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return TestPort.Envelope("action");
            },
            maxRetries: 1,
            requestTimeout: TimeSpan.FromMilliseconds(100),
            time: TimeProvider.System);

        // When
        var action = await port.Client.GetActionAsync("a", CancellationToken.None);

        // Then
        Assert.NotNull(action);
        Assert.Equal(1, port.Statistics.RetriesFor(RetryCause.Timeout));
    }

    [Fact]
    public async Task WaitsForTheWindowToResetOnceNoRequestsRemain()
    {
        var answers = InTurn(
            () => Answers.Ok("""{"ok":true,"action":{}}""", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "5")),
            () => Answers.Ok("""{"ok":true,"action":{}}""", ("x-ratelimit-remaining", "99"), ("x-ratelimit-reset", "5")));
        var paced = new TestPort(answers);

        await paced.Client.GetActionAsync("a", CancellationToken.None);
        await paced.Client.GetActionAsync("b", CancellationToken.None);
        await paced.Client.GetActionAsync("c", CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(5)], paced.Clock.Delays);
        Assert.Equal(1, paced.Statistics.PacingWaits);
        Assert.Equal(TimeSpan.FromSeconds(5), paced.Statistics.PacingDelay);
    }

    [Fact]
    public async Task TakesA409ToARetriedCreateThatMayHaveLandedAsDone()
    {
        // The first attempt reached Port but the answer was lost: the retry finds the action there.
        var port = new TestPort(InTurn(
            () => throw new HttpRequestException("connection reset after send"),
            () => Answers.PortError(HttpStatusCode.Conflict, "identifier_taken", "exists")));

        await port.Client.CreateActionAsync(Action, CancellationToken.None);

        var attempts = port.ApiRequests;
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Equal("""{"identifier":"trigger_spacelift_stack"}""", attempts[1].Body);
        Assert.Equal(1, port.Statistics.AcceptedAfterRetry);
    }

    [Fact]
    public async Task KeepsA409AfterA429AsAConflictSinceA429IsNeverProcessed()
    {
        var port = new TestPort(InTurn(
            () => Answers.PortError(HttpStatusCode.TooManyRequests, "rate_limited", "slow", ("Retry-After", "1")),
            () => Answers.PortError(HttpStatusCode.Conflict, "identifier_taken", "exists")));

        await Assert.ThrowsAsync<PortValidationException>(() => port.Client.CreateActionAsync(Action, CancellationToken.None));
    }

    [Fact]
    public async Task KeepsA409OnTheFirstAttemptAsAConflict()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.Conflict, "identifier_taken", "exists"));

        var exception = await Assert.ThrowsAsync<PortValidationException>(() => port.Client.CreateSecretAsync(
            "SPACELIFT_TOKEN", new Infra.Sdk.Secret("v"), null, CancellationToken.None));

        Assert.Equal("identifier_taken", exception.Error);
    }

    [Fact]
    public async Task TakesA404ToARetriedDeleteThatMayHaveLandedAsDone()
    {
        var port = new TestPort(InTurn(
            () => Answers.PortError(HttpStatusCode.GatewayTimeout, "timeout", "gateway"),
            () => Answers.PortError(HttpStatusCode.NotFound, "not_found", "gone")));

        await port.Client.DeleteBlueprintAsync("space_lift_stack", CancellationToken.None);

        Assert.Equal(1, port.Statistics.AcceptedAfterRetry);
    }

    [Fact]
    public async Task CountsReadsAndWritesSeparately()
    {
        var port = new TestPort(_ => Answers.Ok("""{"ok":true,"action":{}}"""));

        await port.Client.GetActionAsync("a", CancellationToken.None);
        await port.Client.ReplaceActionAsync("a", Action, CancellationToken.None);
        await port.Client.DeleteActionAsync("a", CancellationToken.None);

        Assert.Equal((1, 2, 1), (port.Statistics.Reads, port.Statistics.Writes, port.Statistics.TokenRequests));
        Assert.Equal(4, port.Statistics.Requests);
    }
}
