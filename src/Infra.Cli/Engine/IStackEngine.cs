using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Engine;

/// <summary>
/// The engine seen from the command line: plan against live Port, then apply a plan. Implementations
/// own their clients, state and lock; dispose releases them.
/// </summary>
public interface IStackEngine : IAsyncDisposable
{
    /// <summary>Runs the program, reads live state and diffs it against what the program declares. Writes nothing.</summary>
    Task<Plan> PlanAsync(Operation operation, PlanOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a plan in order, recording progress durably after each step; one failed step does not
    /// stop the independent ones. <paramref name="progress"/> receives each step as it completes.
    /// </summary>
    Task<ApplyResult> ApplyAsync(Plan plan, IProgress<StepResult>? progress, CancellationToken cancellationToken);
}
