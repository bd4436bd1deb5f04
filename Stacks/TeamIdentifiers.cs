namespace Infra.Stacks;

/// <summary>
/// Port's identifiers of the teams the configuration names. Users write team names as Port's UI shows
/// them, and Port's permission lists take names; but an entity's <c>team</c>, the <c>$team</c> of a search
/// and so the policies' rules hold the teams' identifiers, which need not equal the names (port-docs
/// <c>docs/sso-rbac/users-and-teams/manage-users-teams.md</c>: the <c>team</c> meta-property is "an array of
/// the owning teams' identifiers"; docs/unknowns.md).
/// </summary>
public sealed record TeamIdentifiers(IReadOnlyDictionary<string, string> ByName)
{
    /// <summary>Nothing looked up: each team's identifier is taken to be its name (the golden files, tests).</summary>
    public static TeamIdentifiers AsNamed { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The identifier of the team named <paramref name="name"/>; the name itself when it was not looked up.</summary>
    public string Of(string name) => ByName.GetValueOrDefault(name) ?? name;
}
