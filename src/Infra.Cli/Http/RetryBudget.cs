namespace Infra.Cli.Http;

/// <summary>
/// The retries one client may spend in a run, shared by all its requests: a service that is down
/// costs the run a bounded number of requests, however many callers were waiting on it. Each retry
/// after a 5xx, a failed connection or a timeout takes one; each answered request gives a tenth back
/// (the ratio of gRPC's retry throttling), so a long healthy run keeps its budget for the odd blip.
/// A 429 takes nothing: Port says when to come back, and pacing already waits for that.
/// </summary>
internal sealed class RetryBudget(int retries)
{
    // Tenths of a retry, so that a refund can be a tenth.
    private const int Whole = 10;

    private readonly int _max = retries * Whole;
    private int _tenths = retries * Whole;

    /// <summary>True when no retry remains.</summary>
    public bool Spent => Volatile.Read(ref _tenths) < Whole;

    public bool TryTake()
    {
        var current = Volatile.Read(ref _tenths);
        while (current >= Whole)
        {
            var seen = Interlocked.CompareExchange(ref _tenths, current - Whole, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Refund()
    {
        var current = Volatile.Read(ref _tenths);
        while (current < _max)
        {
            var seen = Interlocked.CompareExchange(ref _tenths, current + 1, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
