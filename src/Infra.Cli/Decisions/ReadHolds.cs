using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// Never write on doubt, for both executors: a set whose data read failed is held whole (an absent item
/// would be a guess, so nothing of it is created, updated or deleted, whatever the flags), and no entity of a
/// set its entities relate to is deleted (a held run still names its stack); a resource whose
/// live read could not be trusted is held, and with it every resource of its group, since half a group (one
/// end of a webhook) is worse than none.
/// </summary>
public static class ReadHolds
{
    /// <param name="declared">The graph the program declared.</param>
    /// <param name="managed">Resources the executor manages that the graph may no longer declare, with their groups.</param>
    /// <param name="unreadable">Resources whose live read failed, and why (masked).</param>
    public static Holds Decide(
        ResourceGraph declared,
        IEnumerable<(ResourceAddress Address, string? Group)> managed,
        IReadOnlyDictionary<ResourceAddress, string> unreadable,
        SecretMasker masker)
    {
        var errors = new List<Diagnostic>();
        var sets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in declared.EntitySets.Where(s => s.Source.Failed))
        {
            sets.Add(set.Blueprint);
            var read = set.Source;
            errors.Add(new Diagnostic(
                Severity.Error,
                $"reading {read.Source} failed after {read.Seen} {read.Items} ({masker.MaskText(read.Failure!)}); no entity of '{set.Blueprint}' is created, updated or deleted this run, whatever the flags",
                set.BlueprintAddress));
        }

        var deletions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in declared.EntitySets.Where(s => s.Source.Failed))
        {
            foreach (var target in set.After.Concat(set.Relations.Values).Distinct(StringComparer.Ordinal))
            {
                if (!sets.Contains(target) && declared.EntitySets.Any(s => s.Blueprint == target) && deletions.Add(target))
                {
                    errors.Add(new Diagnostic(
                        Severity.Warning,
                        $"no entity of '{target}' is deleted this run: the entities of '{set.Blueprint}', which could not be read, relate to them",
                        new ResourceAddress(ResourceKind.Blueprint, target)));
                }
            }
        }

        var groups = declared.Resources.Select(r => (r.Address, r.Group)).Concat(managed).DistinctBy(m => m.Address).ToList();
        var held = new HashSet<ResourceAddress>(unreadable.Keys);
        var heldGroups = groups.Where(m => m.Group is not null && held.Contains(m.Address)).Select(m => m.Group!).ToHashSet(StringComparer.Ordinal);
        held.UnionWith(groups.Where(m => m.Group is not null && heldGroups.Contains(m.Group)).Select(m => m.Address));
        if (unreadable.Count > 0)
        {
            var why = string.Join("; ", unreadable.Select(u => $"{u.Key}: {masker.MaskText(u.Value)}"));
            errors.Add(new Diagnostic(
                Severity.Error,
                $"reading {(unreadable.Count == 1 ? "a resource" : $"{unreadable.Count} resources")} failed ({why}); {string.Join(", ", held.Select(a => a.ToString()).Order(StringComparer.Ordinal))} "
                + $"{(held.Count == 1 ? "is" : "are")} not created, updated or deleted this run"));
        }

        return new Holds(held, sets, errors) { Deletions = deletions };
    }
}
