using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// Every step the engine reported as it went, kept by the shell: when a run is interrupted, the
/// engine's <see cref="ApplyResult"/> never comes back, and these are what is known to have happened.
/// </summary>
internal sealed class StepLog
{
    private readonly Lock _gate = new();
    private readonly List<StepResult> _steps = [];

    public IReadOnlyList<StepResult> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>A progress that records each step, then passes it on to <paramref name="inner"/>.</summary>
    public IProgress<StepResult> Around(IProgress<StepResult> inner) => new Recording(this, inner);

    private sealed class Recording(StepLog log, IProgress<StepResult> inner) : IProgress<StepResult>
    {
        public void Report(StepResult value)
        {
            lock (log._gate)
            {
                log._steps.Add(value);
            }

            inner.Report(value);
        }
    }
}
