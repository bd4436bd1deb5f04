using Infra.Cli.Config;
using Infra.Cli.Engine.Contract;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Informational diagnostics about the run's surroundings rather than its changes: a demo that ignored
/// environment overrides, and the notes the program attached to resources it found in Port.
/// </summary>
internal static class PlanNotes
{
    public static IEnumerable<Diagnostic> For(Operation operation, StackConfiguration configuration, ResourceGraph graph, LiveSnapshot live)
    {
        if (configuration.Settings.Demo is { IgnoredVariables.Count: > 0 } demo)
        {
            yield return new Diagnostic(
                Severity.Info,
                $"demo stack: ignored {string.Join(", ", demo.IgnoredVariables)} from the environment; the demo only talks to its own emulators, at the addresses in {Path.GetFileName(configuration.StackFile)}");
        }

        if (operation != Operation.Update)
        {
            yield break;
        }

        foreach (var notice in graph.Notices.Where(n => live.Resources.ContainsKey(n.Address)))
        {
            yield return notice.Note;
        }
    }
}
