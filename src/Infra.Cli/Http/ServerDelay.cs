using System.Globalization;

namespace Infra.Cli.Http;

/// <summary>Reads how long a server asks us to wait: <c>Retry-After</c> and Port's <c>x-ratelimit-*</c> headers.</summary>
internal static class ServerDelay
{
    /// <summary>No server hint makes us wait longer than this: a wrong header must not stall a run.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    // A seconds-until-reset value this large would be decades: it can only be a Unix timestamp
    // (Port's docs say epoch seconds, its Terraform provider reads seconds-until-reset).
    private const double EpochThreshold = 1e9;

    /// <summary>The wait a 429/503 answer asks for: <c>Retry-After</c>, else <c>x-ratelimit-reset</c>; null if neither.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return Clamp(delta);
            }

            if (retryAfter.Date is { } date)
            {
                return Clamp(date - time.GetUtcNow());
            }
        }

        return UntilReset(response, time);
    }

    /// <summary>When the answer says no requests remain in the window, how long until it resets.</summary>
    public static TimeSpan? Exhausted(HttpResponseMessage response, TimeProvider time) =>
        Header(response, "x-ratelimit-remaining") is { } remaining && remaining <= 0 ? UntilReset(response, time) : null;

    private static TimeSpan? UntilReset(HttpResponseMessage response, TimeProvider time) =>
        Header(response, "x-ratelimit-reset") switch
        {
            null => null,
            >= EpochThreshold and var epoch => Clamp(DateTimeOffset.FromUnixTimeSeconds((long)epoch) - time.GetUtcNow()),
            var seconds => Clamp(TimeSpan.FromSeconds(seconds.Value)),
        };

    private static double? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Cap ? Cap : delay;
}
