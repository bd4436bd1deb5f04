using System.Text.Json.Nodes;
using Emulators.Port.Users;

namespace Emulators.Port.Permissions;

/// <summary>The static half of a permissions section (<c>execute</c> or <c>approve</c>): its <c>roles</c>, <c>users</c> and <c>teams</c> lists.</summary>
internal static class StaticGrant
{
    /// <summary>Whether the section's lists name the user (by role, by email ignoring case, or by one of their teams).</summary>
    public static bool Names(JsonObject section, PortUser user)
        => List(section, "roles").Contains(user.Role, StringComparer.Ordinal)
            || List(section, "users").Contains(user.Email, StringComparer.OrdinalIgnoreCase)
            || List(section, "teams").Intersect(user.Teams, StringComparer.Ordinal).Any();

    private static IEnumerable<string> List(JsonObject section, string key)
        => section[key] is JsonArray names ? names.Select(name => name?.GetValue<string>()).OfType<string>() : [];
}
