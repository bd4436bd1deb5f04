namespace Infra.Cli.Http;

/// <summary>
/// The retries one client may spend in a run while its service gives no answer, shared by all its
/// requests: every attempt that fails (5xx, a failed connection, a timeout) and asks for a retry takes
/// one, and any answer gives the whole budget back. A service that is down therefore costs the run
/// at most this many retries, however many callers were waiting on it, while a flaky one that still
/// answers most requests keeps being retried (each request within its own limit). A 429 neither takes
/// nor gives: Port says when to come back, and pacing already waits for that.
/// </summary>
internal sealed class RetryBudget(int retries)
{
    private int _failuresInARow;

    /// <summary>True when the failures since the last answer have used up the budget.</summary>
    public bool Spent => Volatile.Read(ref _failuresInARow) >= retries;

    /// <summary>Takes one retry for a failed attempt; false once the budget is spent.</summary>
    public bool TryTake() => Interlocked.Increment(ref _failuresInARow) <= retries;

    /// <summary>The service answered: it is not down, the budget is whole again.</summary>
    public void Refund() => Volatile.Write(ref _failuresInARow, 0);
}
