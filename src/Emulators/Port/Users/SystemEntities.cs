using System.Text.Json.Nodes;

namespace Emulators.Port.Users;

/// <summary>
/// Port's system blueprints <c>_user</c> and <c>_team</c> as entities, built from the users in the
/// options for the searches of permission policies (they are not served by the entity routes).
/// </summary>
internal static class SystemEntities
{
    public const string UserBlueprint = "_user";

    public const string TeamBlueprint = "_team";

    /// <summary>
    /// A user: identifier = email, <c>port_role</c> and <c>status</c> properties, and the team names both
    /// as the entity's <c>team</c> (what the program's conditions read) and as a <c>team</c> relation
    /// (what Port's dynamic-permission examples read).
    /// </summary>
    public static JsonObject User(PortUser user) => new()
    {
        ["identifier"] = user.Email,
        ["title"] = FullName(user) ?? user.Email,
        ["icon"] = null,
        ["blueprint"] = UserBlueprint,
        ["team"] = Names(user.Teams),
        ["properties"] = new JsonObject { ["port_role"] = user.Role, ["status"] = "Active" },
        ["relations"] = new JsonObject { ["team"] = Names(user.Teams) },
    };

    public static JsonObject Team(string name) => new()
    {
        ["identifier"] = name,
        ["title"] = name,
        ["icon"] = null,
        ["blueprint"] = TeamBlueprint,
        ["team"] = new JsonArray(),
        ["properties"] = new JsonObject(),
        ["relations"] = new JsonObject(),
    };

    /// <summary>Every system entity of the organisation: its users, then its teams.</summary>
    public static IEnumerable<JsonObject> All(UserDirectory users)
        => users.All.Select(User).Concat(users.Teams.Select(Team));

    public static string? FullName(PortUser user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrEmpty(part)));
        return name.Length == 0 ? null : name;
    }

    private static JsonArray Names(IEnumerable<string> names) => [.. names.Select(name => (JsonNode?)name)];
}
