using Infra.Sdk.Port;

namespace Infra.Stacks;

/// <summary>
/// Who may execute one self-service action, as Port's permissions list them: members with one of
/// <paramref name="Roles"/>, members of one of <paramref name="Teams"/>, or the users (emails) in
/// <paramref name="Users"/>. Each list is sorted and without duplicates, as the permissions are declared.
/// </summary>
public sealed record ActionAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, IReadOnlyList<string> Users)
{
    /// <summary>
    /// Port's own default for a new action: everyone in the organisation (Port's "Give access to everyone
    /// in the organization" toggle is on by default), which is the roles Admin and Member.
    /// </summary>
    public static ActionAccess PortDefault { get; } = new(["Admin", "Member"], [], []);

    /// <summary>The same lists sorted (ordinal) and without duplicates.</summary>
    public ActionAccess Normalized() => new(Set(Roles), Set(Teams), Set(Users));

    /// <summary>Who the lists let in, in words (<see cref="PermissionLists.Describe"/>).</summary>
    public IReadOnlyList<string> Described() => PermissionLists.Describe(Roles, Teams, Users);

    private static string[] Set(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
