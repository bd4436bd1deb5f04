namespace Infra.Cli.Verify;

/// <summary>
/// verify's one waiting loop: read until done or <see cref="VerifyOptions.Timeout"/> passes on the
/// injected clock, <see cref="VerifyOptions.PollInterval"/> apart, with a progress line now and then;
/// at most Timeout / PollInterval + 2 reads, so it ends even on a clock that never moves.
/// </summary>
internal sealed class BoundedPoll(VerifyOptions options, TimeProvider time, Action<string> progress)
{
    // The first progress line comes after a second, so a quick run prints none; then one every few seconds.
    private static readonly TimeSpan FirstProgressAfter = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public async Task<bool> UntilAsync(Func<Task<bool>> read, Func<TimeSpan, string> progressLine, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var nextReport = FirstProgressAfter;
        var maxReads = (int)Math.Min(100_000, options.Timeout / options.PollInterval) + 2;
        for (var attempt = 0; attempt < maxReads; attempt++)
        {
            if (await read().ConfigureAwait(false))
            {
                return true;
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed >= options.Timeout)
            {
                break;
            }

            if (elapsed >= nextReport)
            {
                nextReport = elapsed + ProgressEvery;
                progress(progressLine(elapsed));
            }

            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
