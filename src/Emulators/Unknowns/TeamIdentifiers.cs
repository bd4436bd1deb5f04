namespace Emulators.Unknowns;

/// <summary>
/// Whether a Port team's identifier (the <c>_team</c> entity's identifier, what <c>$team</c> and an
/// entity's <c>team</c> hold) is its name. Port's docs say <c>team</c> holds the owning teams'
/// identifiers and that the <c>_team</c> entity's title is the team's name; Port's Terraform provider
/// looks the identifier up by title only in organisations with the flag
/// <c>USERS_AND_TEAMS_OWNERSHIP_V2</c> (docs/unknowns.md).
/// </summary>
public enum TeamIdentifiers
{
    /// <summary>A team's identifier is its name (what the emulator did before the switch existed).</summary>
    Names,

    /// <summary>
    /// A team's identifier differs from its name (<see cref="TeamIdentifier.Distinct"/>): entities'
    /// <c>team</c>, <c>$team</c> in search rules, <c>_user</c> entities' teams and <c>_team</c>
    /// identifiers carry it, while names stay in <c>/v1/teams</c>, users' <c>teams</c> and action
    /// permissions' <c>teams</c> lists.
    /// </summary>
    Distinct,
}

/// <summary>The identifier a team gets under each setting.</summary>
public static class TeamIdentifier
{
    /// <summary>
    /// <c>team_</c> and twelve hex digits of the name's SHA-256: the same across restarts (state files,
    /// repeatable tests), and not the name, so a client that writes names where identifiers belong fails.
    /// </summary>
    public static string Distinct(string name)
        => "team_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..12];

    public static string Of(string name, TeamIdentifiers setting) => setting == TeamIdentifiers.Distinct ? Distinct(name) : name;
}
