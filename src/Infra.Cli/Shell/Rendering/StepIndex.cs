using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>What happened to each planned resource, looked up by address (the engine may copy the changes it reports).</summary>
public static class StepIndex
{
    public static IReadOnlyDictionary<ResourceAddress, StepResult> Of(ApplyResult? applied)
    {
        var steps = new Dictionary<ResourceAddress, StepResult>();
        foreach (var step in applied?.Steps ?? [])
        {
            steps.TryAdd(step.Change.Address, step);
        }

        return steps;
    }
}
