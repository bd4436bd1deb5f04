using System.Net;
using System.Net.Http.Headers;
using Infra.Cli.Http;
using Infra.Tests.Port.Support;
using Infra.Tests.Support;

namespace Infra.Tests.Port;

public sealed class ServerDelayTests
{
    private readonly InstantTimeProvider _time = new();

    private static HttpResponseMessage Answer(params (string Name, string Value)[] headers) =>
        Answers.PortError(HttpStatusCode.TooManyRequests, "rate_limited", "slow", headers);

    [Fact]
    public void ReadsRetryAfterAsADateToo()
    {
        var answer = Answer();
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), ServerDelay.RetryAfter(answer, _time));
    }

    [Fact]
    public void PrefersRetryAfterOverTheRateLimitReset()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), ServerDelay.RetryAfter(Answer(("Retry-After", "4"), ("x-ratelimit-reset", "9")), _time));
    }

    [Fact]
    public void ReadsAResetTooLargeForSecondsAsAUnixTimestamp()
    {
        var epoch = _time.GetUtcNow().AddSeconds(20).ToUnixTimeSeconds();

        Assert.Equal(TimeSpan.FromSeconds(20), ServerDelay.RetryAfter(Answer(("x-ratelimit-reset", epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))), _time));
    }

    [Fact]
    public void GivesNoDelayWithoutAHint()
    {
        Assert.Null(ServerDelay.RetryAfter(Answer(), _time));
        Assert.Null(ServerDelay.RetryAfter(Answer(("x-ratelimit-reset", "soon")), _time));
    }

    [Theory]
    [InlineData("0", "5", 5.0)]
    [InlineData("-1", "2.5", 2.5)]
    [InlineData("3", "5", null)]
    [InlineData("0", null, null)]
    public void SaysHowLongToPauseOnlyWhenNoRequestsRemain(string remaining, string? reset, double? seconds)
    {
        var headers = new List<(string, string)> { ("x-ratelimit-remaining", remaining) };
        if (reset is not null)
        {
            headers.Add(("x-ratelimit-reset", reset));
        }

        var pause = ServerDelay.Exhausted(Answers.Ok("{}", [.. headers]), _time);

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), pause);
    }
}
