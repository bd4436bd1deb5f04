using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Cli.Fakes;

/// <summary>An engine that returns a fixed plan and applies it by a rule the test chooses.</summary>
internal sealed class FakeEngine(Plan plan) : IStackEngine
{
    public Func<Plan, ApplyResult> Apply { get; set; } = p => new ApplyResult(
        p, [.. p.Changes.Where(c => c.Kind != ChangeKind.Same).Select(c => new StepResult(c, StepOutcome.Succeeded))], [], TimeSpan.FromSeconds(1));

    public Operation? PlannedOperation { get; private set; }

    public PlanOptions? PlanOptions { get; private set; }

    public bool Applied { get; private set; }

    public bool Disposed { get; private set; }

    public Task<Plan> PlanAsync(Operation operation, PlanOptions options, CancellationToken cancellationToken)
    {
        PlannedOperation = operation;
        PlanOptions = options;
        return Task.FromResult(plan);
    }

    public Task<ApplyResult> ApplyAsync(Plan plan, IProgress<StepResult>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Applied = true;
        var result = Apply(plan);
        foreach (var step in result.Steps)
        {
            progress?.Report(step);
        }

        return Task.FromResult(result);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
