namespace Infra.Cli.Http;

/// <summary>
/// Client-side pacing: once an answer says no requests remain in the rate-limit window, every
/// request of this client waits until the window resets instead of spending a 429 to find out.
/// </summary>
internal sealed class RateLimitGate(TimeProvider time, ClientStatistics statistics)
{
    private long _resumeAtTicks;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _resumeAtTicks), TimeSpan.Zero) - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        statistics.CountPacingWait(wait);
        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }

    public void Observe(HttpResponseMessage response)
    {
        if (ServerDelay.Exhausted(response, time) is not { } untilReset || untilReset <= TimeSpan.Zero)
        {
            return;
        }

        var resumeAt = (time.GetUtcNow() + untilReset).UtcTicks;
        var current = Interlocked.Read(ref _resumeAtTicks);
        // Keep the latest resume time when answers arrive concurrently.
        while (resumeAt > current)
        {
            var seen = Interlocked.CompareExchange(ref _resumeAtTicks, resumeAt, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
