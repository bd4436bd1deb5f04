using System.Text.Json.Nodes;
using Emulators.Port.Users;

namespace Emulators.Port.Permissions;

/// <summary>
/// What a policy's rule templates and conditions see besides <c>results</c>, as Port's dynamic
/// permissions docs list it: <c>action</c>, <c>blueprint</c>, <c>inputs</c> (an entity input is the
/// entity object), <c>entity</c>, <c>trigger</c> (<c>at</c>, and <c>user</c>: who executed) and
/// <c>user</c> (who executes, or who wants to approve).
/// </summary>
internal static class PolicyContext
{
    /// <summary>The run's part, kept with the run so an approval sees what the execution saw.</summary>
    public static JsonObject ForRun(JsonObject action, JsonObject inputs, JsonObject? entity, PortUser requester, string at)
    {
        var blueprint = action["trigger"]?["blueprintIdentifier"];
        return new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["identifier"] = action["identifier"]?.DeepClone(), ["title"] = action["title"]?.DeepClone(), ["blueprint"] = blueprint?.DeepClone(),
            },
            ["blueprint"] = blueprint is null ? null : new JsonObject { ["identifier"] = blueprint.DeepClone() },
            ["inputs"] = inputs.DeepClone(),
            ["entity"] = entity?.DeepClone(),
            ["trigger"] = new JsonObject { ["at"] = at, ["user"] = User(requester) },
        };
    }

    /// <summary>A copy of <paramref name="run"/> with <c>user</c> set to who is being checked.</summary>
    public static JsonObject As(JsonObject run, PortUser user)
    {
        var context = (JsonObject)run.DeepClone();
        context["user"] = User(user);
        return context;
    }

    /// <summary>The user as policies see it: <c>email</c>, and the names when the options give them.</summary>
    // Deliberately no role or teams: Port's docs do not say the user object carries them; a policy
    // reads them from the _user entity (a query), which is what works in Port too.
    public static JsonObject User(PortUser user) => user.Identity();
}
