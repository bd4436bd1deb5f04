using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// The two actions' permissions (<c>GET/PATCH /v1/actions/{id}/permissions</c>): who may execute the
/// trigger and the refresh, and, when a protected label is named, the dynamic policies that keep
/// protected stacks to the listed teams and make each of their runs wait for another member's approval.
/// With nothing configured the bodies are Port's defaults for a new action, so adopting an organisation
/// set up from the guide changes nothing.
/// </summary>
/// <remarks>
/// Port's dynamic permissions (docs.port.io, set-self-service-actions-rbac/dynamic-permissions): a
/// <c>policy</c> has <c>queries</c> (entity searches whose rule values may template the run's context) and
/// <c>conditions</c> (jq over <c>.results</c>); an execute condition yields a boolean, an approve
/// condition the approvers' emails. With a policy, the static lists only decide who sees the action and
/// the policy alone decides who executes, so the execute policy repeats the lists itself (the
/// requester's role, teams or email) before it narrows protected stacks to their teams.
/// Port has no per-entity "requires approval", so with protection on the trigger requires approval for
/// every run, and the approve policy lets the requester approve their own run on an unprotected stack.
/// The lists name teams by name, as Port's OpenAPI describes them; the policies compare a user's
/// <c>team</c>, which holds team identifiers, so their rules carry identifiers (<see cref="TeamIdentifiers"/>).
/// </remarks>
public static class WhoMayRun
{
    /// <summary>Port's system blueprint of users: identifier = email, <c>port_role</c>, and the user's teams in <c>$team</c>.</summary>
    private const string UserBlueprint = "_user";

    /// <summary>Each action's permissions, which live in the action and so need it first.</summary>
    public static IEnumerable<DesiredResource> Declare(IntegrationInputs inputs)
    {
        var names = inputs.Names;
        yield return Permissions(names.TriggerAction, TriggerPermissions(inputs));
        yield return Permissions(
            names.RefreshAction,
            Body(names.RefreshAction, Execute(inputs.Permissions.Refresh.Normalized(), policy: null), Approve([], [], policy: null)));
    }

    /// <summary>
    /// With no protected label, what <c>preview</c> says once: every member who may execute the trigger
    /// can start runs on every stack, an apply on an autodeploy stack.
    /// </summary>
    public static IEnumerable<Diagnostic> Notes(IntegrationInputs inputs)
    {
        if (inputs.Permissions.Protected is not null)
        {
            yield break;
        }

        var trigger = inputs.Names.TriggerAction;
        var who = inputs.Permissions.Trigger.Described() is { Count: > 0 } parts ? string.Join("; ", parts) : "nobody";
        yield return new Diagnostic(
            Severity.Info,
            $"every member who may execute {trigger} ({who}) can start runs on every stack, an apply on an autodeploy stack; "
            + "infra:protectedLabel (with infra:protectedTeams and infra:protectedApproverTeams) keeps stacks with that label to those teams, with approval",
            new ResourceAddress(ResourceKind.ActionPermissions, trigger));
    }

    /// <summary>The trigger's <c>requiredApproval</c>: every run waits for one approval once stacks are protected.</summary>
    public static JsonNode RequiredApproval(IntegrationInputs inputs)
        => inputs.Permissions.Protected is null ? JsonValue.Create(false) : new JsonObject { ["type"] = "ANY" };

    public static JsonObject TriggerPermissions(IntegrationInputs inputs)
    {
        var trigger = inputs.Names.TriggerAction;
        var access = inputs.Permissions.Trigger.Normalized();
        if (inputs.Permissions.Protected is not { } shielded)
        {
            return Body(trigger, Execute(access, policy: null), Approve([], [], policy: null));
        }

        var isProtected = $"((.results.stack.entities[0].properties.label // []) | any(. == {Jq(shielded.Label)}))";
        var execute = new JsonObject
        {
            ["queries"] = new JsonObject { ["stack"] = StackQuery(inputs.Blueprint), ["requester"] = RequesterQuery() },
            ["conditions"] = new JsonArray($"{Listed(access, inputs.Teams)} and (({isProtected} | not) or {InTeams(shielded.Teams, inputs.Teams)})"),
        };
        var approve = new JsonObject
        {
            ["queries"] = new JsonObject
            {
                ["stack"] = StackQuery(inputs.Blueprint),
                ["requester"] = RequesterQuery(),
                ["approvers"] = ApproversQuery(shielded, inputs.Teams),
            },
            // A protected stack: the approvers, never the requester; any other stack: the requester alone.
            ["conditions"] = new JsonArray(
                $"if {isProtected} then ([.results.approvers.entities[].identifier] - [.results.requester.entities[].identifier]) else [.results.requester.entities[].identifier] end"),
        };
        return Body(trigger, Execute(access, execute), Approve(shielded.ApproverRoles, shielded.ApproverTeams, approve));
    }

    private static DesiredResource Permissions(string action, JsonObject body)
        => new(new ResourceAddress(ResourceKind.ActionPermissions, action), body) { DependsOn = [new ResourceAddress(ResourceKind.Action, action)] };

    private static JsonObject Body(string action, JsonObject execute, JsonObject approve) => new()
    {
        ["actionIdentifier"] = action,
        ["execute"] = execute,
        ["approve"] = approve,
    };

    // Key order as Port answers a new action's permissions.
    private static JsonObject Execute(ActionAccess access, JsonObject? policy) => new()
    {
        ["users"] = Strings(access.Users),
        ["roles"] = Strings(access.Roles),
        ["teams"] = Strings(access.Teams),
        ["ownedByTeam"] = false,
        ["policy"] = policy,
    };

    private static JsonObject Approve(IReadOnlyList<string> roles, IReadOnlyList<string> teams, JsonObject? policy) => new()
    {
        ["users"] = new JsonArray(),
        ["roles"] = Strings(roles),
        ["teams"] = Strings(teams),
        ["policy"] = policy,
    };

    private static JsonObject StackQuery(string blueprint) => Query(
        Rule("$blueprint", "=", blueprint),
        Rule("$identifier", "=", "{{ .inputs.stack.identifier }}"));

    private static JsonObject RequesterQuery() => Query(
        Rule("$blueprint", "=", UserBlueprint),
        Rule("$identifier", "=", "{{ .trigger.user.email }}"));

    private static JsonObject ApproversQuery(ProtectedStacks shielded, TeamIdentifiers teams)
    {
        var either = new JsonArray();
        if (shielded.ApproverTeams.Count > 0)
        {
            either.Add(Rule("$team", "containsAny", Strings(shielded.ApproverTeams.Select(teams.Of))));
        }

        if (shielded.ApproverRoles.Count > 0)
        {
            either.Add(Rule("port_role", "in", Strings(shielded.ApproverRoles)));
        }

        return Query(Rule("$blueprint", "=", UserBlueprint), new JsonObject { ["combinator"] = "or", ["rules"] = either });
    }

    private static JsonObject Query(params JsonObject[] rules) => new()
    {
        ["combinator"] = "and",
        ["rules"] = new JsonArray([.. rules]),
    };

    private static JsonObject Rule(string property, string @operator, JsonNode value) => new()
    {
        ["property"] = property,
        ["operator"] = @operator,
        ["value"] = value,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    /// <summary>
    /// Whether the requester is one the lists name, in jq over the requester query: their role, one of
    /// their teams, or their email (compared lower-cased, as emails are); <c>false</c> for empty lists.
    /// </summary>
    private static string Listed(ActionAccess access, TeamIdentifiers teams)
    {
        const string requester = ".results.requester.entities[0]";
        var parts = new List<string>(3);
        if (access.Roles.Count > 0)
        {
            parts.Add($"([{requester}.properties.port_role] | any({AnyOf(access.Roles)}))");
        }

        if (access.Teams.Count > 0)
        {
            parts.Add(InTeams(access.Teams, teams));
        }

        if (access.Users.Count > 0)
        {
            parts.Add($"([{requester}.identifier // \"\" | ascii_downcase] | any({AnyOf([.. access.Users.Select(u => u.ToLowerInvariant())])}))");
        }

        return parts.Count == 0 ? "false" : "(" + string.Join(" or ", parts) + ")";
    }

    /// <summary>Whether one of the requester's teams (identifiers, in the <c>_user</c> entity's <c>team</c>) is one of <paramref name="names"/>.</summary>
    private static string InTeams(IReadOnlyList<string> names, TeamIdentifiers teams)
        => $"((.results.requester.entities[0].team // []) | any({AnyOf([.. names.Select(teams.Of)])}))";

    /// <summary><c>. == "a" or . == "b"</c>; <c>false</c> for no team, so nobody passes.</summary>
    private static string AnyOf(IReadOnlyList<string> values)
        => values.Count == 0 ? "false" : string.Join(" or ", values.Select(v => ". == " + Jq(v)));

    // A jq string literal is a JSON string literal.
    private static string Jq(string text) => JsonSerializer.Serialize(text);
}
