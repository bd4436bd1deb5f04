namespace Emulators.Spacelift.Runs;

/// <summary>Every run of the account (generated history and triggered runs) in recording order; thread-safe.</summary>
public sealed class RunLedger
{
    private readonly Lock _gate = new();
    private readonly List<EmulatedRun> _runs = [];

    // Stack state and search read a stack's runs for every stack they show; the index keeps that cheap.
    private readonly Dictionary<string, List<EmulatedRun>> _byStack = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedRun> _byId = new(StringComparer.Ordinal);
    private RunScript _script = RunScript.Default;

    public RunScript Script
    {
        get
        {
            lock (_gate)
            {
                return _script;
            }
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.States.Count == 0)
            {
                throw new ArgumentException("A run script needs at least one state.", nameof(value));
            }

            lock (_gate)
            {
                _script = value;
            }
        }
    }

    public IReadOnlyList<EmulatedRun> All()
    {
        lock (_gate)
        {
            return _runs.ToArray();
        }
    }

    /// <summary>The stack's runs, newest first (as Spacelift lists them).</summary>
    public IReadOnlyList<EmulatedRun> ForStack(string stackId)
    {
        lock (_gate)
        {
            return _byStack.TryGetValue(stackId, out var runs) ? Enumerable.Reverse(runs).ToArray() : [];
        }
    }

    /// <summary>The stack's newest run of <paramref name="type"/> (a <c>RunType</c> value), if any.</summary>
    public EmulatedRun? Latest(string stackId, string type)
    {
        lock (_gate)
        {
            return _byStack.TryGetValue(stackId, out var runs) ? runs.FindLast(r => r.Type == type) : null;
        }
    }

    public EmulatedRun? Find(string runId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(runId);
        }
    }

    public void Record(EmulatedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            _runs.Add(run);
            _byId[run.Id] = run;
            if (!_byStack.TryGetValue(run.StackId, out var runs))
            {
                _byStack[run.StackId] = runs = [];
            }

            // A stack's runs stay in creation order whatever order they are recorded in (history, then the
            // state file's runs, then new triggers); runs created at the same moment keep their recording order.
            var at = runs.Count;
            while (at > 0 && runs[at - 1].CreatedAt > run.CreatedAt)
            {
                at--;
            }

            runs.Insert(at, run);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _runs.Clear();
            _byStack.Clear();
            _byId.Clear();
        }
    }
}
