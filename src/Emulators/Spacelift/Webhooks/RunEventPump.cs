using System.Diagnostics;
using System.Text;
using Emulators.Spacelift.Runs;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// Turns the runs' scripted progress into events. Runs are computed from the clock (<see cref="RunScript"/>),
/// so the pump wakes on the emulator's <see cref="TimeProvider"/> at the next step boundary of any active run
/// (a fake clock drives it in tests) and emits one event per state the run has entered since, in order,
/// each stamped with its own transition time. Each event is routed by the notification policies visible
/// from the run's stack and delivered, with Spacelift's default payload, to the named webhooks they select.
/// </summary>
public sealed class RunEventPump : IDisposable
{
    private readonly SpaceliftEmulator _emulator;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (EmulatedRun Run, int Emitted)> _active = new(StringComparer.Ordinal);
    private int _seen;
    private ITimer? _timer;

    internal RunEventPump(SpaceliftEmulator emulator) => _emulator = emulator;

    /// <summary>Raised for every transition, routed or not (before delivery starts).</summary>
    public event Action<RunEvent>? Emitted;

    /// <summary>Emits what is due now and re-arms the timer; runTrigger calls it so the QUEUED event goes out at once.</summary>
    public void Poke()
    {
        lock (_gate)
        {
            var runs = _emulator.Runs.All();
            if (runs.Count < _seen)
            {
                _active.Clear(); // The ledger was cleared.
                _seen = 0;
            }

            foreach (var run in runs.Skip(_seen).Where(r => r.Outcome is null))
            {
                _active[run.Id] = (run, 0);
            }

            _seen = runs.Count;
            var now = _emulator.Time.GetUtcNow();
            var script = _emulator.Runs.Script;
            DateTimeOffset? next = null;
            foreach (var (id, (run, emitted)) in _active.ToArray())
            {
                var reached = StepsReached(script, run.CreatedAt, now);
                for (var step = emitted; step < reached; step++)
                {
                    Emit(run, script, step);
                }

                if (reached >= script.States.Count)
                {
                    _active.Remove(id);
                    continue;
                }

                _active[id] = (run, reached);
                var boundary = run.CreatedAt + (script.StepDuration * reached);
                next = next is null || boundary < next ? boundary : next;
            }

            if (next is { } due)
            {
                _timer ??= _emulator.Time.CreateTimer(_ => Poke(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(due - now > TimeSpan.Zero ? due - now : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// Takes the runs already in the ledger (loaded from a state file) as emitted up to now, so a restart does
    /// not send their past transitions again; the ones still running go on emitting.
    /// </summary>
    public void Adopt()
    {
        lock (_gate)
        {
            var runs = _emulator.Runs.All();
            var now = _emulator.Time.GetUtcNow();
            var script = _emulator.Runs.Script;
            foreach (var run in runs.Skip(_seen).Where(r => r.Outcome is null))
            {
                var reached = StepsReached(script, run.CreatedAt, now);
                if (reached < script.States.Count)
                {
                    _active[run.Id] = (run, reached);
                }
            }

            _seen = runs.Count;
        }

        Poke();
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>How many of the script's states the run has entered by <paramref name="now"/> (at least 1).</summary>
    private static int StepsReached(RunScript script, DateTimeOffset createdAt, DateTimeOffset now)
    {
        if (script.StepDuration <= TimeSpan.Zero)
        {
            return script.States.Count;
        }

        var (_, since) = script.StateAt(createdAt, now);
        return (int)((since - createdAt).Ticks / script.StepDuration.Ticks) + 1;
    }

    private void Emit(EmulatedRun run, RunScript script, int step)
    {
        if (_emulator.Stacks.Find(run.StackId) is not { } stack)
        {
            return;
        }

        var at = run.CreatedAt + (script.StepDuration > TimeSpan.Zero ? script.StepDuration * step : TimeSpan.Zero);
        var runEvent = new RunEvent(run, stack, script.States[step], step + 1, at, Stopwatch.GetTimestamp());
        Emitted?.Invoke(runEvent);
        var endpoints = _emulator.NamedWebhooks.All().Where(w => w.Enabled && _emulator.Spaces.Reaches(w.Space, stack.Space)).ToArray();
        if (endpoints.Length == 0)
        {
            return;
        }

        var stackState = _emulator.EffectiveState(stack).State;
        var input = RunEventPayload.PolicyInput(runEvent, stackState, endpoints, _emulator.Spaces);
        var selected = _emulator.Policies.All()
            .Where(p => p.Type == "NOTIFICATION" && _emulator.Spaces.Reaches(p.Space, stack.Space))
            .SelectMany(p => p.Rules)
            .SelectMany(r => r.Endpoints(input))
            .ToHashSet(StringComparer.Ordinal);
        if (selected.Count == 0)
        {
            return;
        }

        var delta = RunProgress.DeltaAt(run, script, at);
        var body = Encoding.UTF8.GetBytes(RunEventPayload.Default(runEvent, delta).ToJsonString());
        foreach (var webhook in endpoints.Where(w => selected.Contains(w.Id)))
        {
            _emulator.Webhooks.Enqueue(webhook, runEvent, body);
        }
    }
}
