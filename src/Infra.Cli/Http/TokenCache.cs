namespace Infra.Cli.Http;

/// <summary>
/// Holds one bearer token, fetched on first use and again when it is due for renewal or when the
/// API refused it. At most one fetch runs at a time, and every caller that needs a token while it
/// runs waits for that same fetch and gets its result, failure included: a Port that does not answer
/// costs one token request and its retries, not one per waiting caller. A caller that arrives after
/// a failed fetch starts a new one. A refusal of a token that has already been replaced does not
/// fetch a third.
/// </summary>
internal sealed class TokenCache<T>(Func<CancellationToken, Task<T>> fetch, Func<T, DateTimeOffset> renewAt, TimeProvider time)
    where T : class
{
    private readonly Lock _gate = new();
    private T? _current;
    private Task<T>? _fetching;

    public Task<T> GetAsync(CancellationToken cancellationToken) =>
        AcquireAsync(current => current is null || !IsFresh(current), cancellationToken);

    /// <summary>A token other than <paramref name="rejected"/>: the one already held if it was renewed meanwhile, else a new one.</summary>
    public Task<T> RenewAsync(T rejected, CancellationToken cancellationToken) =>
        AcquireAsync(current => current is null || ReferenceEquals(current, rejected) || !IsFresh(current), cancellationToken);

    /// <summary>A token other than the one held now: a new fetch, or the one already under way.</summary>
    public Task<T> FetchNewAsync(CancellationToken cancellationToken)
    {
        T? held;
        lock (_gate)
        {
            held = _current;
        }

        return AcquireAsync(current => current is null || ReferenceEquals(current, held), cancellationToken);
    }

    private bool IsFresh(T token) => time.GetUtcNow() < renewAt(token);

    private async Task<T> AcquireAsync(Func<T?, bool> mustFetch, CancellationToken cancellationToken)
    {
        Task<T> fetching;
        lock (_gate)
        {
            if (!mustFetch(_current))
            {
                return _current!;
            }

            // Join the fetch under way; start one only when none is.
            fetching = _fetching ??= StartFetch(cancellationToken);
        }

        // Each caller may stop waiting on its own cancellation; the shared fetch goes on for the others.
        return await fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<T> StartFetch(CancellationToken cancellationToken)
    {
        // Started outside the caller's synchronous path so that the lock is never held across it.
        return Task.Run(async () =>
        {
            try
            {
                var fetched = await fetch(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _current = fetched;
                }

                return fetched;
            }
            finally
            {
                lock (_gate)
                {
                    _fetching = null;
                }
            }
        }, CancellationToken.None);
    }
}
