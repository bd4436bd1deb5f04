using Emulators.Port.Http;
using Emulators.Unknowns;

namespace Emulators.Port.Users;

/// <summary>
/// The organisation's users and teams, read from the options once and checked there, so a typo in a
/// test's or the demo's user list fails at start rather than as a puzzling 403 later.
/// </summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<string, PortUser> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly TeamIdentifiers _identifierSetting;

    /// <exception cref="ArgumentException">A user is malformed, listed twice, or the token user is not listed.</exception>
    public UserDirectory(PortEmulatorOptions options)
    {
        foreach (var user in options.Users)
        {
            if (string.IsNullOrWhiteSpace(user.Email) || !user.Email.Contains('@', StringComparison.Ordinal) || user.Email.Trim() != user.Email)
            {
                throw new ArgumentException($"Port emulator user '{user.Email}' must have an email address", nameof(options));
            }

            if (user.Role is not (PortUser.Admin or PortUser.Member))
            {
                throw new ArgumentException($"Port emulator user '{user.Email}' has role '{user.Role}'; the emulator knows {PortUser.Admin} and {PortUser.Member}", nameof(options));
            }

            if (user.Teams.FirstOrDefault(team => string.IsNullOrWhiteSpace(team) || team.Trim() != team) is { } badTeam)
            {
                throw new ArgumentException($"Port emulator user '{user.Email}' lists team '{badTeam}'; team names are non-empty without surrounding spaces", nameof(options));
            }

            if (!_byEmail.TryAdd(user.Email, user))
            {
                throw new ArgumentException($"Port emulator user '{user.Email}' is listed twice", nameof(options));
            }
        }

        TokenUser = Find(options.TokenUser)
            ?? throw new ArgumentException($"the Port emulator's token user '{options.TokenUser}' is not one of its users", nameof(options));
        All = [.. options.Users];
        Teams = [.. options.Users.SelectMany(user => user.Teams).Distinct(StringComparer.Ordinal)];
        _identifierSetting = options.TeamIdentifiers;
    }

    /// <summary>In the order the options list them.</summary>
    public IReadOnlyList<PortUser> All { get; }

    /// <summary>Team names in the order they first appear among the users.</summary>
    public IReadOnlyList<string> Teams { get; }

    public PortUser TokenUser { get; }

    /// <summary>Email addresses compare without case, as mail systems (and Port's user lookups) do.</summary>
    public PortUser? Find(string email) => _byEmail.GetValueOrDefault(email);

    public IEnumerable<PortUser> MembersOf(string team) => All.Where(user => user.Teams.Contains(team, StringComparer.Ordinal));

    /// <summary>
    /// The identifier of the team named <paramref name="name"/>: what entities' <c>team</c>, <c>$team</c> and
    /// the <c>_team</c> entity carry. The name itself, or another string under
    /// <see cref="TeamIdentifiers.Distinct"/> (an unknown: docs/unknowns.md).
    /// </summary>
    public string IdentifierOf(string name) => TeamIdentifier.Of(name, _identifierSetting);

    /// <summary>The identifiers of the user's teams, in the order of their names.</summary>
    public IReadOnlyList<string> TeamIdentifiersOf(PortUser user) => [.. user.Teams.Select(IdentifierOf)];

    /// <summary>
    /// Who is asking: the token's user, or with Port's <c>run_as=&lt;email&gt;</c> query parameter that
    /// user (the emulator's token is always an organisation's, the only kind Port lets impersonate).
    /// </summary>
    public PortUser Caller(PortRequest request)
    {
        if (request.Query("run_as") is not { } email)
        {
            return TokenUser;
        }

        return Find(email) ?? throw PortApiError.NotFound($"A user with the email '{email}' was not found in the organization");
    }
}
