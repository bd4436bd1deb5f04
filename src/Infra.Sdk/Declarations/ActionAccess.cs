namespace Infra.Sdk.Declarations;

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

    /// <summary>
    /// Who the lists let in, in words, one part per list that is not empty: <c>roles Admin, Member</c>,
    /// <c>team platform</c>, <c>users a@x.io, b@x.io</c> (names sorted, so the same lists always read the same).
    /// </summary>
    public IReadOnlyList<string> Described()
    {
        var parts = new List<string>(3);
        Add(parts, "role", Roles);
        Add(parts, "team", Teams);
        Add(parts, "user", Users);
        return parts;

        static void Add(List<string> parts, string noun, IReadOnlyList<string> names)
        {
            if (names.Count > 0)
            {
                parts.Add($"{noun}{(names.Count == 1 ? "" : "s")} {string.Join(", ", names.Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static string[] Set(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
