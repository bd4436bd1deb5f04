namespace Emulators.Spacelift.Runs;

/// <summary>Every run triggered on the emulator, in order; thread-safe.</summary>
public sealed class RunLedger
{
    private readonly Lock _gate = new();
    private readonly List<EmulatedRun> _runs = [];
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
            return _runs.Where(r => r.StackId == stackId).Reverse().ToArray();
        }
    }

    public EmulatedRun? Find(string runId)
    {
        lock (_gate)
        {
            return _runs.Find(r => r.Id == runId);
        }
    }

    public void Record(EmulatedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            _runs.Add(run);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _runs.Clear();
        }
    }
}
