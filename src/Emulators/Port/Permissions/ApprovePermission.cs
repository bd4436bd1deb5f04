using System.Text.Json.Nodes;
using Emulators.Port.Users;

namespace Emulators.Port.Permissions;

/// <summary>
/// Who may approve a run: without an approve policy, the users its <c>roles</c>, <c>users</c> and
/// <c>teams</c> name; with one, the union of the email arrays its conditions give (Port: the policy
/// exclusively controls who approves). Emails that are not users of the organisation are dropped, so
/// "every approver" (<c>ALL</c>) means every such user.
/// </summary>
internal static class ApprovePermission
{
    public const string Refused = "You are not permitted to approve this action. For further details, please contact your admin";

    /// <summary>The approvers' emails as the options spell them, in the options' order.</summary>
    /// <exception cref="Http.PortApiError">422 for a policy the emulator cannot evaluate.</exception>
    public static IReadOnlyList<string> Approvers(JsonObject approve, JsonObject context, UserDirectory users, PolicyEvaluator policies)
    {
        if (approve["policy"] is JsonObject policy)
        {
            var named = policies.Approvers(policy, context, "permissions/approve/policy");
            return [.. users.All.Where(user => named.Contains(user.Email)).Select(user => user.Email)];
        }

        return [.. users.All.Where(user => StaticGrant.Names(approve, user)).Select(user => user.Email)];
    }
}
