using Infra.Sdk;
using Infra.Sdk.Port;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// The owning teams of stack entities, mapped from Spacelift labels when <c>infra:teamLabelPrefix</c> is set
/// (<c>team:</c>: a stack labelled <c>team:platform</c> belongs to Port's team named <c>platform</c>). A stack
/// with such labels has its entity's <c>team</c> declared, so an edit in Port shows as drift and <c>up</c>
/// restores it; a stack without one declares no team, and whatever people set in Port stays (kept fields).
/// Team names are written as Port's UI shows them and looked up as Port's identifiers, which an entity's
/// <c>team</c> holds (port-docs <c>docs/sso-rbac/users-and-teams/manage-users-teams.md</c>); a name Port does
/// not know is a warning and that stack's team is left as Port has it, since a label is data, not configuration.
/// </summary>
internal static class StackTeams
{
    /// <summary>Unset or empty: no mapping, every entity's team is left as Port has it.</summary>
    public static string? Prefix(IStackConfig config)
    {
        var key = $"{config.Project}:teamLabelPrefix";
        var value = config.Get(key);
        return value is null || value.Text.Trim().Length == 0 ? null : value.Text;
    }

    /// <summary>The team names <paramref name="labels"/> give under <paramref name="prefix"/>, distinct, in order.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string>? labels, string prefix) =>
        [.. (labels ?? [])
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l[prefix.Length..].Trim())
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Each labelled stack's team identifiers, looked up once for every name; and a warning per name Port
    /// does not know, naming the stacks that carry it (those stacks' teams are then not declared).
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, IReadOnlyList<string>> ByStack, IReadOnlyList<Diagnostic> Warnings)> ResolveAsync(
        string prefix, IReadOnlyList<SpaceliftStack> stacks, IPortOrganisation port, CancellationToken cancellationToken)
    {
        var named = stacks
            .Select(s => (s.Id, Names: Names(s.Labels?.OfType<string>(), prefix)))
            .Where(s => s.Names.Count > 0)
            .ToList();
        var all = named.SelectMany(s => s.Names).Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return (new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), []);
        }

        var found = await port.TeamIdentifiersAsync(all, cancellationToken).ConfigureAwait(false);
        var byStack = named
            .Where(s => s.Names.All(found.ContainsKey))
            .ToDictionary(s => s.Id, s => (IReadOnlyList<string>)[.. s.Names.Select(n => found[n]).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        var warnings = all
            .Where(name => !found.ContainsKey(name))
            .Select(name =>
            {
                var carriers = named.Where(s => s.Names.Contains(name, StringComparer.Ordinal)).Select(s => s.Id).ToList();
                var sample = string.Join(", ", carriers.Take(3)) + (carriers.Count > 3 ? $" and {carriers.Count - 3} more" : "");
                return new Diagnostic(
                    Severity.Warning,
                    $"the Spacelift label '{prefix}{name}' names a team Port does not have (on {sample}): those stacks' entities keep the team Port holds; "
                    + "create the team in Port or fix the label (team names as Port's UI shows them)");
            })
            .ToList();
        return (byStack, warnings);
    }
}
