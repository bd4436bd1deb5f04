using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// The apply as CI logs want it: one line per resource step as it completes, and for entities a
/// count line every tenth of the way (at least every <see cref="MinimumStride"/> entities apart) or
/// every few seconds, never a line per entity.
/// </summary>
internal sealed class StreamingApplyDisplay(TextRenderer renderer, int entityTotal, TimeProvider time) : IProgress<StepResult>
{
    public const int MinimumStride = 25;
    public static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly int _stride = Math.Max(MinimumStride, entityTotal / 10);
    private int _done;
    private int _failed;
    private int _nextCount = Math.Max(MinimumStride, entityTotal / 10);
    private DateTimeOffset _lastCount = time.GetUtcNow();

    public void Report(StepResult step)
    {
        if (step.Change.Kind == ChangeKind.Same)
        {
            return;
        }

        if (step.Change.Address.Kind != ResourceKind.Entity)
        {
            renderer.Step(step);
            return;
        }

        lock (_gate)
        {
            _done++;
            _failed += step.Outcome == StepOutcome.Failed ? 1 : 0;
            var now = time.GetUtcNow();
            if (_done >= _nextCount || _done == entityTotal || now - _lastCount >= CountInterval)
            {
                renderer.EntityProgress(_done, entityTotal, _failed);
                _nextCount = _done + _stride;
                _lastCount = now;
            }
        }
    }
}
