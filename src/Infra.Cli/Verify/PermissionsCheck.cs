using System.Text.Json.Nodes;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Sdk.Port;

namespace Infra.Cli.Verify;

/// <summary>
/// verify's first step: who may run the two actions, read from Port (each action's permissions and its
/// <c>requiredApproval</c>) and said in words, and plainly whether a stack can be triggered without
/// approval. Port's bodies are compared with this stack's declaration through the planner's own
/// normalisation, so verify and <c>preview</c> never disagree on what differs; but a difference only
/// warns, because verify proves the chain works and drift is <c>preview --expect-no-changes</c>'s job.
/// The step never fails: who may run an action is a choice, not a broken link.
/// </summary>
internal sealed class PermissionsCheck(PortActionRuns port, VerifyTargets names, DeclaredPermissions? declared, SecretMasker scrubber)
{
    public const string StepName = "permissions";

    private const string Nobody = "nobody listed";

    private static ResourceKind Kind => ResourceKind.ActionPermissions;

    public async Task<VerifyStep> RunAsync(CancellationToken cancellationToken)
    {
        var trigger = await ReadAsync(names.TriggerAction, cancellationToken).ConfigureAwait(false);
        var refresh = await ReadAsync(names.RefreshAction, cancellationToken).ConfigureAwait(false);
        var reports = new[] { trigger, refresh }.Select(Report).ToList();
        TriggerApproval? approval = trigger.Action is null ? null : Classify(trigger);
        var message = approval is { } verdict
            ? Sentence(verdict, trigger)
            : $"{names.TriggerAction} is not in Port: no stack can be triggered (`up` restores it)";
        var differing = reports.Where(r => r.MatchesDeclaration == false).Select(r => r.Action).ToList();
        return new VerifyStep(StepName, names.TriggerAction, VerifyStepStatus.Passed, scrubber.MaskText(message))
        {
            Permissions = reports,
            Approval = approval,
            Warning = differing.Count switch
            {
                0 => null,
                1 => $"{differing[0]} {ActionAccessReport.Differs} (verify does not check drift: `preview --expect-no-changes` does)",
                _ => $"{string.Join(" and ", differing)} differ from this stack's declaration: `up` restores them (verify does not check drift: `preview --expect-no-changes` does)",
            },
        };
    }

    private async Task<Live> ReadAsync(string identifier, CancellationToken cancellationToken)
    {
        var action = await port.GetActionAsync(identifier, cancellationToken).ConfigureAwait(false);
        var permissions = action is null ? null : await port.GetPermissionsAsync(identifier, cancellationToken).ConfigureAwait(false);
        return new Live(identifier, action, permissions);
    }

    private ActionAccessReport Report(Live live)
    {
        if (live.Action is null)
        {
            return new ActionAccessReport(live.Identifier, null, null, null, declared?.Permissions(live.Identifier) is null ? null : false);
        }

        return new ActionAccessReport(
            live.Identifier,
            scrubber.MaskText(Who(live.Permissions?["execute"] as JsonObject, "; ")),
            scrubber.MaskText(Who(live.Permissions?["approve"] as JsonObject, "; ")),
            ApprovalType(live.Action["requiredApproval"]),
            Matches(live));
    }

    /// <summary>As <c>preview</c> sees it: the compared fields, lists as sets, and the action's <c>requiredApproval</c>.</summary>
    private bool? Matches(Live live)
    {
        if (declared?.Permissions(live.Identifier) is not { } desired)
        {
            return null;
        }

        if (live.Permissions is null)
        {
            return false;
        }

        var same = JsonBodies.Diff(JsonBodies.Normalize(Kind, live.Permissions, desired), JsonBodies.Compared(Kind, desired)).Count == 0;
        return same && JsonBodies.Equivalent(OrFalse(live.Action?["requiredApproval"]), OrFalse(declared.RequiredApproval(live.Identifier)));
    }

    private TriggerApproval Classify(Live trigger)
    {
        if (ApprovalType(trigger.Action?["requiredApproval"]) is null)
        {
            return TriggerApproval.None;
        }

        if (JsonBodies.IsEmpty(trigger.Permissions?["approve"]?["policy"]))
        {
            return TriggerApproval.EveryRun;
        }

        return IsDeclaredProtection(trigger) ? TriggerApproval.Protected : TriggerApproval.Custom;
    }

    /// <summary>
    /// The approve policy is the one this stack builds from <c>infra:protectedLabel</c>: only then does the
    /// label say which stacks wait for an approver. Any other policy is a jq program verify does not evaluate.
    /// </summary>
    private bool IsDeclaredProtection(Live trigger)
    {
        if (declared?.ProtectedLabel is null || declared.Permissions(trigger.Identifier) is not { } desired || trigger.Permissions is null)
        {
            return false;
        }

        var live = JsonBodies.Normalize(Kind, trigger.Permissions, desired);
        return JsonBodies.Equivalent(live["approve"]?["policy"], JsonBodies.Compared(Kind, desired)["approve"]?["policy"]);
    }

    private string Sentence(TriggerApproval approval, Live trigger)
    {
        var needs = ApprovalType(trigger.Action?["requiredApproval"]) == "ALL" ? "the approval of every one of" : "an approval from";
        switch (approval)
        {
            case TriggerApproval.None:
                return "any member who may execute can trigger every stack without approval";
            case TriggerApproval.Protected when declared?.ProtectedLabel is { } label:
                return $"stacks labelled {label} need {needs} {Approvers(declared, trigger.Identifier)}; others are approved by whoever triggered them";
            case TriggerApproval.EveryRun:
                var approvers = Who(trigger.Permissions?["approve"] as JsonObject, " or ");
                return approvers == Nobody
                    ? "every stack needs an approval, but no approver is listed in the action's permissions: none can be triggered without approval"
                    : $"every stack needs {needs} {approvers}: none can be triggered without approval";
            default:
                return "the trigger requires approval under a custom policy this stack did not declare: verify cannot tell which stacks can be triggered without approval";
        }
    }

    /// <summary>Who a permissions section lets in, in words: roles, teams, users, entity owners, a dynamic policy.</summary>
    private static string Who(JsonObject? section, string separator)
    {
        var parts = new List<string>(PermissionLists.Describe(Names(section?["roles"]), Names(section?["teams"]), Names(section?["users"])));
        if (JsonWire.Boolean(section?["ownedByTeam"]) == true)
        {
            parts.Add("owners of the entity");
        }

        if (!JsonBodies.IsEmpty(section?["policy"]))
        {
            parts.Add("a dynamic policy");
        }

        return parts.Count == 0 ? Nobody : string.Join(separator, parts);
    }

    private static string Approvers(DeclaredPermissions declared, string action)
    {
        var (roles, teams) = declared.Approvers(action);
        return string.Join(" or ", PermissionLists.Describe(roles, teams, []));
    }

    private static string[] Names(JsonNode? list) => [.. (list as JsonArray)?.Select(JsonWire.String).OfType<string>() ?? []];

    /// <summary><c>ANY</c> or <c>ALL</c> when runs of the action wait for approval (Port also takes <c>true</c>, meaning any); else null.</summary>
    private static string? ApprovalType(JsonNode? requiredApproval) => requiredApproval switch
    {
        JsonObject o => JsonWire.String(o["type"]) ?? "ANY",
        JsonValue v when JsonWire.Boolean(v) == true => "ANY",
        _ => null,
    };

    // Port leaves requiredApproval out of an action that never set it: that is false.
    private static JsonNode OrFalse(JsonNode? requiredApproval)
        => JsonBodies.IsEmpty(requiredApproval) ? JsonValue.Create(false) : requiredApproval!.DeepClone();

    /// <summary>One action as Port holds it: null when Port has no such action.</summary>
    private sealed record Live(string Identifier, JsonObject? Action, JsonObject? Permissions);
}
