namespace Emulators.Port.Runs;

/// <summary>
/// Runs and automations execute after the request that started them has been answered (Port answers
/// 202). This tracks that work so tests and shutdown can wait until nothing is left in flight.
/// </summary>
internal sealed class BackgroundWork
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _pending = [];

    public void Start(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_gate)
        {
            _pending.RemoveWhere(t => t.IsCompleted);
            _pending.Add(task);
        }
    }

    /// <summary>Completes once no work is in flight, including work started by work that was waited for.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] snapshot;
            lock (_gate)
            {
                _pending.RemoveWhere(t => t.IsCompleted);
                snapshot = [.. _pending];
            }

            if (snapshot.Length == 0)
            {
                return;
            }

            await Task.WhenAll(snapshot).WaitAsync(cancellationToken);
        }
    }
}
