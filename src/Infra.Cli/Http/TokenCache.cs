namespace Infra.Cli.Http;

/// <summary>
/// Holds one bearer token, fetched on first use and again when it is due for renewal or when the
/// API refused it. Concurrent callers share one fetch; a refusal of a token that has already been
/// replaced does not fetch a third.
/// </summary>
internal sealed class TokenCache<T>(Func<CancellationToken, Task<T>> fetch, Func<T, DateTimeOffset> renewAt, TimeProvider time)
    where T : class
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private T? _current;

    public Task<T> GetAsync(CancellationToken cancellationToken) =>
        AcquireAsync(current => current is null || !IsFresh(current), cancellationToken);

    /// <summary>A token other than <paramref name="rejected"/>: the one already held if it was renewed meanwhile, else a new one.</summary>
    public Task<T> RenewAsync(T rejected, CancellationToken cancellationToken) =>
        AcquireAsync(current => current is null || ReferenceEquals(current, rejected) || !IsFresh(current), cancellationToken);

    public Task<T> FetchNewAsync(CancellationToken cancellationToken) => AcquireAsync(_ => true, cancellationToken);

    private bool IsFresh(T token) => time.GetUtcNow() < renewAt(token);

    private async Task<T> AcquireAsync(Func<T?, bool> mustFetch, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (!mustFetch(current))
        {
            return current!;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _current;
            if (!mustFetch(current))
            {
                return current!;
            }

            var fetched = await fetch(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fetched);
            return fetched;
        }
        finally
        {
            _lock.Release();
        }
    }
}
