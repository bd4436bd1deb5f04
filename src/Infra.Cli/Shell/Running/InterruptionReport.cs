using System.Text;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Shell.Rendering;
using Infra.Sdk;
using Spectre.Console;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// What an interrupted apply did, on stderr (stdout stays the run's own output): the changes Port or
/// Spacelift confirmed, those that failed, and those never confirmed, by kind, with names for the few
/// resources and a count for entities; then the one error line, exit 8. A change never confirmed may
/// still have landed (a batch in flight): the engine recorded its intent, and the next preview shows
/// what is really left.
/// </summary>
internal static class InterruptionReport
{
    public static OperationFailedException Write(IAnsiConsole error, CliVerb verb, Plan plan, IReadOnlyList<StepResult> reported)
    {
        var changes = plan.Changes.Where(c => c.Kind != ChangeKind.Same).ToList();
        var outcomes = new Dictionary<ResourceChange, StepOutcome>();
        foreach (var step in reported)
        {
            outcomes[step.Change] = step.Outcome;
        }

        StepOutcome? Outcome(ResourceChange change) => outcomes.TryGetValue(change, out var outcome) ? outcome : null;
        var applied = changes.Where(c => Outcome(c) == StepOutcome.Succeeded).ToList();
        var failed = changes.Where(c => Outcome(c) == StepOutcome.Failed).ToList();
        var notApplied = changes.Where(c => Outcome(c) is null or StepOutcome.Skipped).ToList();

        var writer = error.Profile.Out.Writer;
        writer.WriteLine($"The {verb.OperationNoun()} was interrupted:");
        writer.WriteLine($"  applied: {List(applied)}");
        if (failed.Count > 0)
        {
            writer.WriteLine($"  failed: {List(failed)}");
        }

        writer.WriteLine($"  not applied: {List(notApplied)}{(notApplied.Count > 0 ? " (a batch in flight may have landed: the next preview shows what is left)" : "")}");
        return OperationFailedException.Interrupted(verb.OperationNoun(), verb.CommandName(), applied.Count, changes.Count);
    }

    /// <summary><c>blueprint space_lift_stack, secret SPACELIFT_TOKEN, 340 entities</c>; <c>nothing</c> when empty.</summary>
    private static string List(IReadOnlyList<ResourceChange> changes)
    {
        if (changes.Count == 0)
        {
            return "nothing";
        }

        var parts = changes.Where(c => !c.Address.Kind.BulkPerBlueprint)
            .Select(c => $"{Words(c.Address.Kind.Name)} {c.Address.Id}")
            .ToList();
        var entities = changes.Count(c => c.Address.Kind.BulkPerBlueprint);
        if (entities > 0)
        {
            parts.Add(entities == 1 ? "1 entity" : $"{Numbers.Count(entities)} entities");
        }

        return string.Join(", ", parts);
    }

    /// <summary><c>ActionPermissions</c> → <c>action permissions</c>.</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
