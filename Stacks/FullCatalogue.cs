using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// Turns the guide's graph into the full catalogue's: the spaces and runs blueprints and the numbers Port
/// computes are added, the stack blueprint and its entities gain their relation to a space and their latest
/// run's time, and two entity sets are added, all ordered by their relations (a space after its parent, spaces
/// before stacks, stacks before their runs; deletions the reverse, which the executors derive from each set's
/// <see cref="EntitySet.Relations"/>). Never on doubt: a relation whose target is not in the catalogue is left
/// out with a warning, a stack whose runs could not be read is left as Port holds it, and runs are pruned only
/// up to what the read saw of each stack (<see cref="PruneScope"/>), so a run the webhook wrote since stays.
/// </summary>
public static class FullCatalogue
{
    public static ResourceGraph Extend(ResourceGraph guide, IntegrationInputs inputs, StackDataCheck stacks, CatalogueData data)
    {
        var names = inputs.CatalogueNames;
        var spaceBlueprint = new ResourceAddress(ResourceKind.Blueprint, names.SpaceBlueprint);
        var stackBlueprint = new ResourceAddress(ResourceKind.Blueprint, inputs.Blueprint);
        var runBlueprint = new ResourceAddress(ResourceKind.Blueprint, names.RunBlueprint);
        var diagnostics = new List<Diagnostic>(guide.Diagnostics);

        var resources = new List<DesiredResource>();
        foreach (var resource in guide.Resources)
        {
            if (resource.Address != stackBlueprint)
            {
                resources.Add(resource);
                continue;
            }

            resources.Add(new DesiredResource(spaceBlueprint, CatalogueBlueprints.Spaces(inputs)));
            resources.Add(resource with { Body = CatalogueBlueprints.Stacks(inputs), DependsOn = [.. resource.DependsOn, spaceBlueprint] });
            resources.Add(new DesiredResource(runBlueprint, CatalogueBlueprints.Runs(inputs)) { DependsOn = [stackBlueprint] });
            resources.Add(new DesiredResource(new ResourceAddress(ResourceKind.AggregationProperties, inputs.Blueprint), CatalogueBlueprints.Aggregations(inputs))
            {
                DependsOn = [stackBlueprint, runBlueprint],
            });
        }

        var spaces = SpaceSet(inputs, data.Spaces, diagnostics);
        var known = data.Spaces.Read.Failed ? null : spaces.Entities.Select(e => e.Address.Id).ToHashSet(StringComparer.Ordinal);
        var guideStacks = guide.EntitySets.Single(s => s.Blueprint == inputs.Blueprint);
        var stackSet = StackSet(inputs, guideStacks, stacks, known, data.Runs, diagnostics);
        var runs = RunSet(inputs, stacks, data.Runs, diagnostics);
        return guide with
        {
            Resources = resources,
            EntitySets = [spaces, .. guide.EntitySets.Select(s => s == guideStacks ? stackSet : s), runs],
            Diagnostics = diagnostics,
            Outputs = [.. guide.Outputs, new ProgramOutput.EntityCount("spaceCount", names.SpaceBlueprint), new ProgramOutput.EntityCount("runCount", names.RunBlueprint)],
        };
    }

    /// <summary>One entity per space, related to its parent when the parent is in the catalogue too (root has none).</summary>
    private static EntitySet SpaceSet(IntegrationInputs inputs, SpaceliftRead<SpaceliftSpace> read, List<Diagnostic> diagnostics)
    {
        var blueprint = inputs.CatalogueNames.SpaceBlueprint;
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new Dictionary<string, (SpaceliftSpace Space, string Title)>(StringComparer.Ordinal);
        foreach (var space in read.Items)
        {
            if (StackDataRules.IdentifierProblem(space.Id) is { } problem)
            {
                if (!string.IsNullOrEmpty(space.Id))
                {
                    rejected.Add(space.Id);
                }

                diagnostics.Add(new Diagnostic(Severity.Warning, $"space '{StackDataRules.Clean(space.Id)}' skipped: {problem}"));
                continue;
            }

            var repairs = new List<string>();
            var title = StackDataRules.Title(space.Name, space.Id, repairs);
            var cleaned = space with
            {
                Description = StackDataRules.Text(space.Description, "description", repairs),
                Labels = StackDataRules.Labels(space.Labels, repairs),
            };
            if (!accepted.TryAdd(space.Id, (cleaned, title)))
            {
                diagnostics.Add(Warn(blueprint, space.Id, $"space '{space.Id}' skipped: duplicate id in Spacelift's answer (the first one is kept)"));
                continue;
            }

            if (repairs.Count > 0)
            {
                diagnostics.Add(Warn(blueprint, space.Id, $"space '{space.Id}' repaired: {string.Join("; ", repairs)}"));
            }
        }

        var entities = new List<DesiredResource>(accepted.Count);
        foreach (var (id, (space, title)) in accepted.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var parent = space.ParentSpace;
            if (parent is not null && !accepted.ContainsKey(parent))
            {
                diagnostics.Add(Warn(blueprint, id, $"space '{id}' is declared without its parent '{parent}', which is not among the spaces Spacelift listed"));
                parent = null;
            }

            entities.Add(new DesiredResource(new ResourceAddress(ResourceKind.Entity, id, blueprint), CatalogueEntities.Space(inputs, space, title, parent)));
        }

        return new EntitySet(blueprint, entities, read.Read with { Seen = read.Items.Count })
        {
            Keep = rejected,
            Relations = new Dictionary<string, string>(StringComparer.Ordinal) { [CatalogueNames.ParentRelation] = blueprint },
        };
    }

    /// <param name="spaces">The spaces in the catalogue; null when they could not be read (each stack keeps its relation then: its space most likely exists).</param>
    private static EntitySet StackSet(IntegrationInputs inputs, EntitySet guide, StackDataCheck stacks, IReadOnlySet<string>? spaces, SpaceliftRunHistory runs, List<Diagnostic> diagnostics)
    {
        var entities = new List<DesiredResource>(stacks.Accepted.Count);
        var unread = new HashSet<string>(StringComparer.Ordinal);
        var unrelated = new List<string>();
        foreach (var stack in stacks.Accepted)
        {
            if (runs.Failures.ContainsKey(stack.Id) || runs.Gone.Contains(stack.Id))
            {
                unread.Add(stack.Id);
                continue;
            }

            var space = spaces is null || spaces.Contains(stack.Space) ? stack.Space : null;
            if (space is null)
            {
                unrelated.Add(stack.Id);
            }

            var latest = runs.ByStack.GetValueOrDefault(stack.Id)?.FirstOrDefault();
            entities.Add(new DesiredResource(new ResourceAddress(ResourceKind.Entity, stack.Id, inputs.Blueprint), CatalogueEntities.Stack(inputs, stack, space, latest)));
        }

        if (unrelated.Count > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning,
                $"{Count(unrelated.Count, "stack")} declared without a space relation: {Named(unrelated)} (their space is not among the spaces Spacelift listed)",
                guide.BlueprintAddress));
        }

        if (unread.Count > 0 && !runs.Read.Failed)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning,
                $"{Count(unread.Count, "stack")} left as Port holds {(unread.Count == 1 ? "it" : "them")}: {Named(unread)} (gone from Spacelift while its runs were read; the next run deletes it)",
                guide.BlueprintAddress));
        }
        else if (unread.Count > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning,
                $"{Count(unread.Count, "stack")} left as Port holds {(unread.Count == 1 ? "it" : "them")}, since {(unread.Count == 1 ? "its" : "their")} latest run is not known: {Named(unread)}",
                guide.BlueprintAddress));
        }

        return guide with
        {
            Entities = entities,
            Keep = new HashSet<string>(guide.Keep.Concat(unread), StringComparer.Ordinal),
            Relations = new Dictionary<string, string>(StringComparer.Ordinal) { [CatalogueNames.SpaceRelation] = inputs.CatalogueNames.SpaceBlueprint },
            Calculated = new HashSet<string>([CatalogueNames.SpaceName, CatalogueNames.TrackedRuns, CatalogueNames.FailedRuns], StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The latest tracked runs of each stack, each related to its stack. Pruning is scoped per stack to what the
    /// read saw: a run newer than the newest one read was written after the read (by the webhook) and stays; the
    /// runs of a stack the read no longer has go. A stack with no run read, or one that cannot be an entity,
    /// keeps whatever runs Port holds for it.
    /// </summary>
    private static EntitySet RunSet(IntegrationInputs inputs, StackDataCheck stacks, SpaceliftRunHistory runs, List<Diagnostic> diagnostics)
    {
        var blueprint = inputs.CatalogueNames.RunBlueprint;
        var entities = new List<DesiredResource>();
        var horizons = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var id in stacks.RejectedIds.Concat(runs.Failures.Keys))
        {
            horizons[id] = DateTimeOffset.MinValue;
        }

        foreach (var stack in stacks.Accepted.Where(s => !runs.Gone.Contains(s.Id) && !runs.Failures.ContainsKey(s.Id)))
        {
            var read = runs.ByStack.GetValueOrDefault(stack.Id) ?? [];
            horizons[stack.Id] = read.Count == 0 ? DateTimeOffset.MinValue : read.Max(r => r.CreatedAt);
            foreach (var run in read)
            {
                if (StackDataRules.IdentifierProblem(run.Id) is { } problem)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, $"run '{StackDataRules.Clean(run.Id)}' of stack '{stack.Id}' skipped: {problem}"));
                    continue;
                }

                var repairs = new List<string>();
                var clean = run with
                {
                    Branch = StackDataRules.Text(run.Branch, "branch", repairs)!,
                    TriggeredBy = StackDataRules.Text(run.TriggeredBy, "triggeredBy", repairs),
                    Commit = run.Commit is { } c ? c with { Message = StackDataRules.Text(c.Message, "commit message", repairs), AuthorName = StackDataRules.Text(c.AuthorName, "commit author", repairs) } : null,
                };
                if (repairs.Count > 0)
                {
                    diagnostics.Add(Warn(blueprint, run.Id, $"run '{run.Id}' repaired: {string.Join("; ", repairs)}"));
                }

                entities.Add(new DesiredResource(new ResourceAddress(ResourceKind.Entity, run.Id, blueprint), CatalogueEntities.Run(inputs, clean)));
            }
        }

        return new EntitySet(blueprint, entities, runs.Read)
        {
            Relations = new Dictionary<string, string>(StringComparer.Ordinal) { [CatalogueNames.StackRelation] = inputs.Blueprint },
            Prune = new PruneScope(CatalogueNames.StackRelation, CatalogueNames.CreatedAt, horizons),
        };
    }

    private static Diagnostic Warn(string blueprint, string id, string message) => new(Severity.Warning, message, new ResourceAddress(ResourceKind.Entity, id, blueprint));

    private static string Count(int n, string what) => n == 1 ? $"1 {what} is" : $"{n} {what}s are";

    private static string Named(IEnumerable<string> ids)
    {
        var list = ids.Order(StringComparer.Ordinal).ToList();
        return string.Join(", ", list.Take(5).Select(i => $"'{i}'")) + (list.Count > 5 ? $" and {list.Count - 5} more" : "");
    }
}
