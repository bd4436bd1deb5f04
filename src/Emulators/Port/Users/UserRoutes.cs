using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Users;

/// <summary>
/// <c>GET /v1/users</c>, <c>/v1/users/{email}</c>, <c>/v1/teams</c>, <c>/v1/teams/{name}</c>: the
/// organisation's members in the shapes the OpenAPI gives its answers, read-only (users are options).
/// </summary>
internal sealed class UserRoutes(UserDirectory users)
{
    public void Map(WebApplication app, PortPipeline pipeline)
    {
        pipeline.Map(app, "GET", "/v1/users", ListUsers);
        pipeline.Map(app, "GET", "/v1/users/{email}", GetUser);
        pipeline.Map(app, "GET", "/v1/teams", ListTeams);
        pipeline.Map(app, "GET", "/v1/teams/{name}", GetTeam);
    }

    /// <summary>
    /// A user as the OpenAPI's answer has it: <c>roles</c> are objects with a <c>name</c>, <c>teams</c>
    /// are team names. Port's status and type for a member who has signed in are <c>Active</c> and
    /// <c>Standard</c>; the emulator's users are all such members.
    /// </summary>
    public static JsonObject View(PortUser user)
    {
        var view = user.Identity();
        view["status"] = "Active";
        view["type"] = "Standard";
        view["roles"] = new JsonArray(new JsonObject { ["name"] = user.Role });
        view["teams"] = new JsonArray([.. user.Teams.Select(team => (JsonNode?)team)]);
        return view;
    }

    private static void RefuseFields(PortRequest request)
    {
        if (request.Query("fields") is not null)
        {
            throw PortApiError.Invalid("querystring/fields is not supported by the emulator: it always answers every field it has");
        }
    }

    private ApiResult ListUsers(PortRequest request)
    {
        RefuseFields(request);
        return ApiResult.Ok("users", new JsonArray([.. users.All.Select(user => (JsonNode)View(user))]));
    }

    private ApiResult GetUser(PortRequest request)
    {
        var email = request.Route("email");
        var user = users.Find(email) ?? throw PortApiError.NotFound($"A user with the email '{email}' was not found in the organization");
        // Only this route's answer schema in the OpenAPI has teamsIdentifiers (the list's has not).
        var view = View(user);
        view["teamsIdentifiers"] = new JsonArray([.. users.TeamIdentifiersOf(user).Select(id => (JsonNode?)id)]);
        return ApiResult.Ok("user", view);
    }

    private ApiResult ListTeams(PortRequest request)
    {
        RefuseFields(request);
        var teams = users.Teams.Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["users"] = new JsonArray([.. users.MembersOf(name).Select(Member)]),
        });
        return ApiResult.Ok("teams", new JsonArray([.. teams]));
    }

    private ApiResult GetTeam(PortRequest request)
    {
        RefuseFields(request);
        var name = request.Route("name");
        return users.Teams.Contains(name, StringComparer.Ordinal)
            ? ApiResult.Ok("team", new JsonObject { ["name"] = name })
            : throw PortApiError.NotFound($"A team with the name '{name}' was not found in the organization");
    }

    private static JsonNode Member(PortUser user)
    {
        var member = user.Identity();
        member["status"] = "Active";
        return member;
    }
}
