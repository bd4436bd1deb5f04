namespace Infra.Sdk.Port;

/// <summary>Who Port's permission lists (an action's <c>roles</c>, <c>teams</c> and <c>users</c>) let in, in words.</summary>
public static class PermissionLists
{
    /// <summary>
    /// One part per list that is not empty: <c>roles Admin, Member</c>, <c>team platform</c>,
    /// <c>users a@x.io, b@x.io</c> (names sorted, so the same lists always read the same).
    /// </summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<string> roles, IReadOnlyList<string> teams, IReadOnlyList<string> users)
    {
        var parts = new List<string>(3);
        Add(parts, "role", roles);
        Add(parts, "team", teams);
        Add(parts, "user", users);
        return parts;

        static void Add(List<string> parts, string noun, IReadOnlyList<string> names)
        {
            if (names.Count > 0)
            {
                parts.Add($"{noun}{(names.Count == 1 ? "" : "s")} {string.Join(", ", names.Order(StringComparer.Ordinal))}");
            }
        }
    }
}
