using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Users;

namespace Emulators.Port.Permissions;

/// <summary>
/// May this user execute the action? Without a policy: their role is in <c>roles</c>, their email in
/// <c>users</c>, one of their teams in <c>teams</c>, or (<c>ownedByTeam</c>) one of their teams owns the
/// entity the run is on. With a policy, the lists only decide who sees the action and the policy alone
/// decides who executes it (port-docs <c>docs/actions-and-automations/create-self-service-experiences/
/// set-self-service-actions-rbac/dynamic-permissions.md</c>, at 4893974: "If the <c>policy</c> object
/// <b>is</b> defined, then <c>roles</c>, <c>users</c>, and <c>teams</c> only control who can view the action,
/// while <c>policy</c> exclusively controls who can execute and approve the action"). Port's API has no
/// notion of seeing, so a call through it is judged by the policy alone.
/// </summary>
internal static class ExecutePermission
{
    /// <summary>No 403 text is documented for this route; modeled on the approval route's.</summary>
    public const string Refused = "You are not permitted to execute this action. For further details, please contact your admin";

    /// <summary>The static part, checked before the inputs are resolved; nothing when a policy decides.</summary>
    /// <exception cref="PortApiError">403 <c>missing_permissions</c>.</exception>
    /// <remarks>
    /// The lists name teams by name (Port's OpenAPI: "The names of the teams"); <c>ownedByTeam</c> meets the
    /// entity's <c>team</c>, which holds team identifiers, so it compares the user's team identifiers.
    /// </remarks>
    public static void CheckStatic(JsonObject execute, PortUser user, JsonObject? entity, UserDirectory users)
    {
        if (execute["policy"] is JsonObject)
        {
            return;
        }

        var ownedTeams = execute["ownedByTeam"]?.GetValueKind() == JsonValueKind.True && entity?["team"] is JsonArray owners
            ? owners.Select(team => team?.GetValue<string>()).OfType<string>()
            : [];
        if (!StaticGrant.Names(execute, user) && !users.TeamIdentifiersOf(user).Intersect(ownedTeams, StringComparer.Ordinal).Any())
        {
            throw PortApiError.MissingPermissions(Refused);
        }
    }

    /// <summary>The policy, when there is one: some condition must be <c>true</c>.</summary>
    /// <exception cref="PortApiError">403 <c>missing_permissions</c>, or 422 for a policy the emulator cannot evaluate.</exception>
    public static void CheckPolicy(JsonObject execute, JsonObject context, PolicyEvaluator policies)
    {
        if (execute["policy"] is JsonObject policy && !policies.Allows(policy, context, "permissions/execute/policy"))
        {
            throw PortApiError.MissingPermissions(Refused);
        }
    }
}
