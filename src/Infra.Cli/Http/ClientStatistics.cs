namespace Infra.Cli.Http;

/// <summary>
/// Counters the clients keep while they run, for the reliability report and the benchmarks. Every
/// counter is safe to read while requests are in flight. Requests count attempts on the wire, so a
/// retried request counts once per attempt.
/// </summary>
public sealed class ClientStatistics
{
    private long _reads;
    private long _writes;
    private long _tokenRequests;
    private long _rateLimited;
    private long _serverErrors;
    private long _connectionFailed;
    private long _timeouts;
    private long _tokenRefreshes;
    private long _pacingWaits;
    private long _pacingTicks;
    private long _acceptedAfterRetry;
    private long _batchSplits;

    public long Requests => Reads + Writes + TokenRequests;

    /// <summary>GETs and searches (including Spacelift queries).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Creates, replaces, updates, deletes and bulk writes.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Port access-token requests and Spacelift <c>apiKeyUser</c> exchanges.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    public long Retries => RetriesFor(RetryCause.RateLimited) + RetriesFor(RetryCause.ServerError)
        + RetriesFor(RetryCause.ConnectionFailed) + RetriesFor(RetryCause.Timeout);

    /// <summary>Requests refused for their token (401, Spacelift's null viewer) and sent again with a renewed one.</summary>
    public long TokenRefreshes => Interlocked.Read(ref _tokenRefreshes);

    /// <summary>Times a request waited because the previous answer said no requests remained.</summary>
    public long PacingWaits => Interlocked.Read(ref _pacingWaits);

    public TimeSpan PacingDelay => TimeSpan.FromTicks(Interlocked.Read(ref _pacingTicks));

    /// <summary>Creates answered 409 (or deletes answered 404) after an earlier attempt may have landed, taken as done.</summary>
    public long AcceptedAfterRetry => Interlocked.Read(ref _acceptedAfterRetry);

    /// <summary>Bulk batches split in two after Port answered 413.</summary>
    public long BatchSplits => Interlocked.Read(ref _batchSplits);

    public long RetriesFor(RetryCause cause) => cause switch
    {
        RetryCause.RateLimited => Interlocked.Read(ref _rateLimited),
        RetryCause.ServerError => Interlocked.Read(ref _serverErrors),
        RetryCause.ConnectionFailed => Interlocked.Read(ref _connectionFailed),
        RetryCause.Timeout => Interlocked.Read(ref _timeouts),
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    public override string ToString() =>
        $"requests {Requests} (reads {Reads}, writes {Writes}, tokens {TokenRequests}); retries {Retries} " +
        $"(429 {RetriesFor(RetryCause.RateLimited)}, 5xx {RetriesFor(RetryCause.ServerError)}, " +
        $"connection {RetriesFor(RetryCause.ConnectionFailed)}, timeout {RetriesFor(RetryCause.Timeout)}); " +
        $"token refreshes {TokenRefreshes}; pacing waits {PacingWaits} ({PacingDelay.TotalSeconds:0.###} s); " +
        $"accepted after retry {AcceptedAfterRetry}; batch splits {BatchSplits}";

    internal void CountRequest(RequestKind kind)
    {
        switch (kind)
        {
            case RequestKind.Read: Interlocked.Increment(ref _reads); break;
            case RequestKind.Write: Interlocked.Increment(ref _writes); break;
            default: Interlocked.Increment(ref _tokenRequests); break;
        }
    }

    internal void CountRetry(RetryCause cause)
    {
        switch (cause)
        {
            case RetryCause.RateLimited: Interlocked.Increment(ref _rateLimited); break;
            case RetryCause.ServerError: Interlocked.Increment(ref _serverErrors); break;
            case RetryCause.ConnectionFailed: Interlocked.Increment(ref _connectionFailed); break;
            default: Interlocked.Increment(ref _timeouts); break;
        }
    }

    internal void CountTokenRefresh() => Interlocked.Increment(ref _tokenRefreshes);

    internal void CountPacingWait(TimeSpan delay)
    {
        Interlocked.Increment(ref _pacingWaits);
        Interlocked.Add(ref _pacingTicks, delay.Ticks);
    }

    internal void CountAcceptedAfterRetry() => Interlocked.Increment(ref _acceptedAfterRetry);

    internal void CountBatchSplit() => Interlocked.Increment(ref _batchSplits);
}
