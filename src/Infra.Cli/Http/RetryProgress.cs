namespace Infra.Cli.Http;

/// <summary>
/// Where retries are reported. The shell listens for the span of one run: the clients are built deep
/// inside the engine factory, which knows nothing of consoles, so the listener travels with the run's
/// async flow (an <see cref="AsyncLocal{T}"/>) instead of through every constructor on the way.
/// </summary>
public static class RetryProgress
{
    private static readonly AsyncLocal<IRetryListener?> Current = new();

    /// <summary>Reports retries of this async flow (and what it starts) to <paramref name="listener"/> until disposed.</summary>
    public static IDisposable Listen(IRetryListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var previous = Current.Value;
        Current.Value = listener;
        return new Restore(previous);
    }

    internal static void Report(RetryNotice notice) => Current.Value?.OnRetry(notice);

    private sealed class Restore(IRetryListener? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
