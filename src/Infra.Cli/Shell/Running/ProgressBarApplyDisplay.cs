using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Engine;
using Infra.Sdk;
using Spectre.Console;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// The apply on a terminal with many entities: live bars while it runs, then the resource steps and
/// the entity count as lines, so what happened stays on screen.
/// </summary>
internal static class ProgressBarApplyDisplay
{
    public static async Task<ApplyResult> RunAsync(
        IAnsiConsole console, TextRenderer renderer, Plan plan, Func<IProgress<StepResult>, Task<ApplyResult>> apply)
    {
        var changed = plan.Changes.Where(c => c.Kind != ChangeKind.Same).ToList();
        var entityTotal = changed.Count(c => c.Address.Kind == ResourceKind.Entity);
        var result = await console.Progress()
            .AutoClear(true)
            .StartAsync(async context =>
            {
                var resources = context.AddTask("resources", maxValue: Math.Max(1, changed.Count - entityTotal));
                var entities = context.AddTask("entities", maxValue: entityTotal);
                return await apply(new ImmediateProgress<StepResult>(step =>
                {
                    if (step.Change.Kind != ChangeKind.Same)
                    {
                        (step.Change.Address.Kind == ResourceKind.Entity ? entities : resources).Increment(1);
                    }
                }));
            });

        foreach (var step in result.Steps.Where(s => s.Change.Kind != ChangeKind.Same && s.Change.Address.Kind != ResourceKind.Entity))
        {
            renderer.Step(step);
        }

        var entitySteps = result.Steps.Where(s => s.Change.Kind != ChangeKind.Same && s.Change.Address.Kind == ResourceKind.Entity).ToList();
        renderer.EntityProgress(entitySteps.Count, entityTotal, entitySteps.Count(s => s.Outcome == StepOutcome.Failed));
        return result;
    }
}
