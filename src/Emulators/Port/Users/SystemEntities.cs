using System.Text.Json.Nodes;

namespace Emulators.Port.Users;

/// <summary>
/// Port's system blueprints <c>_user</c> and <c>_team</c> as entities, built from the users in the
/// options for the searches of permission policies and <c>POST /v1/entities/search</c> (the entity routes
/// of one blueprint do not serve them). Teams appear by identifier (<see cref="UserDirectory.IdentifierOf"/>):
/// port-docs <c>docs/sso-rbac/users-and-teams/manage-users-teams.md</c> (4893974) gives the <c>Team</c>
/// blueprint's identifier as the team's identifier and its title as the team's name, and the <c>team</c>
/// meta-property as "an array of the owning teams' identifiers".
/// </summary>
internal static class SystemEntities
{
    public const string UserBlueprint = "_user";

    public const string TeamBlueprint = "_team";

    /// <summary>
    /// A user: identifier = email, <c>port_role</c> and <c>status</c> properties, and the identifiers of
    /// the user's teams both as the entity's <c>team</c> and as a <c>team</c> relation (what Port's
    /// dynamic-permission examples read).
    /// </summary>
    public static JsonObject User(PortUser user, UserDirectory users) => new()
    {
        ["identifier"] = user.Email,
        ["title"] = FullName(user) ?? user.Email,
        ["icon"] = null,
        ["blueprint"] = UserBlueprint,
        ["team"] = Names(users.TeamIdentifiersOf(user)),
        ["properties"] = new JsonObject { ["port_role"] = user.Role, ["status"] = "Active" },
        ["relations"] = new JsonObject { ["team"] = Names(users.TeamIdentifiersOf(user)) },
    };

    /// <summary>A team: identifier = the team's identifier, title = its name.</summary>
    public static JsonObject Team(string name, UserDirectory users) => new()
    {
        ["identifier"] = users.IdentifierOf(name),
        ["title"] = name,
        ["icon"] = null,
        ["blueprint"] = TeamBlueprint,
        ["team"] = new JsonArray(),
        ["properties"] = new JsonObject(),
        ["relations"] = new JsonObject(),
    };

    /// <summary>Every system entity of the organisation: its users, then its teams.</summary>
    public static IEnumerable<JsonObject> All(UserDirectory users)
        => users.All.Select(user => User(user, users)).Concat(users.Teams.Select(team => Team(team, users)));

    /// <summary>
    /// The system entities <c>POST /v1/entities/search</c> finds, with their blueprint: those <paramref name="scope"/>
    /// allows (null: all) that <paramref name="filter"/> matches, projected like other entities.
    /// </summary>
    public static IEnumerable<(string Blueprint, JsonObject Entity)> Search(
        UserDirectory users, IReadOnlySet<string>? scope, Func<JsonObject, bool> filter, Entities.EntityView.Projection? projection)
        => All(users)
            .Where(entity => scope?.Contains(entity["blueprint"]!.GetValue<string>()) != false && filter(entity))
            .Select(entity => (entity["blueprint"]!.GetValue<string>(), Project(entity, projection)));

    private static JsonObject Project(JsonObject entity, Entities.EntityView.Projection? projection)
    {
        var result = new JsonObject();
        foreach (var (key, value) in entity)
        {
            if (key is "properties" or "relations")
            {
                result[key] = new JsonObject([.. ((JsonObject)value!).Where(p => projection?.Keeps(p.Key) != false)
                    .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
            }
            else if (projection?.Keeps("$" + key) != false)
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    public static string? FullName(PortUser user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrEmpty(part)));
        return name.Length == 0 ? null : name;
    }

    private static JsonArray Names(IEnumerable<string> names) => [.. names.Select(name => (JsonNode?)name)];
}
