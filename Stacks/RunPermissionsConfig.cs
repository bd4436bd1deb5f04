using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// Reads who may run the two actions: <c>infra:triggerRoles</c>, <c>infra:triggerTeams</c>,
/// <c>infra:triggerUsers</c>, the same three for <c>refresh</c>, and the protected stacks
/// (<c>infra:protectedLabel</c>, <c>infra:protectedTeams</c>, <c>infra:protectedApproverRoles</c>,
/// <c>infra:protectedApproverTeams</c>). Lists are comma-separated; an empty value counts as unset, as
/// everywhere. Unset roles are Port's default (Admin, Member); unset teams and users are none.
/// </summary>
internal static class RunPermissionsConfig
{
    public static RunPermissions Read(IStackConfig values)
    {
        string Key(string name) => $"{values.Project}:{name}";
        var trigger = Access(values, Key("triggerRoles"), Key("triggerTeams"), Key("triggerUsers"));
        var refresh = Access(values, Key("refreshRoles"), Key("refreshTeams"), Key("refreshUsers"));
        var label = Key("protectedLabel");
        var teams = Key("protectedTeams");
        var approverRoles = Key("protectedApproverRoles");
        var approverTeams = Key("protectedApproverTeams");
        if (values.Get(label) is not { } given)
        {
            // Narrowing settings without a label would silently do nothing.
            foreach (var key in new[] { teams, approverRoles, approverTeams })
            {
                if (values.Get(key) is { } stray)
                {
                    throw values.Invalid(key, $"is set but {values.Describe(label)} is not: name the label that marks a protected stack", stray);
                }
            }

            return new RunPermissions(trigger, refresh);
        }

        var text = given.Text.Trim();
        if (text.Length == 0 || text.Contains(',', StringComparison.Ordinal))
        {
            throw values.Invalid(label, $"is '{given.Text}': name one Spacelift label", given);
        }

        var shielded = new ProtectedStacks(text, List(values, teams), List(values, approverRoles), List(values, approverTeams));
        if (shielded.Teams.Count == 0)
        {
            throw values.Invalid(teams, $"is not set: with {values.Describe(label)} set, name the teams that may trigger a protected stack");
        }

        if (shielded.ApproverRoles.Count == 0 && shielded.ApproverTeams.Count == 0)
        {
            throw values.Invalid(approverTeams, $"is not set, nor {values.Describe(approverRoles)}: a protected stack's run would wait for an approval nobody may give");
        }

        return new RunPermissions(trigger, refresh, shielded);
    }

    private static ActionAccess Access(IStackConfig values, string roles, string teams, string users)
    {
        var emails = List(values, users);
        if (emails.FirstOrDefault(e => !e.Contains('@', StringComparison.Ordinal)) is { } bad)
        {
            throw values.Invalid(users, $"holds '{bad}': Port's permissions name users by email", values.Get(users));
        }

        var granted = values.Get(roles) is null ? ActionAccess.PortDefault.Roles : List(values, roles);
        return new ActionAccess(granted, List(values, teams), emails);
    }

    /// <summary>Sorted and without duplicates, as <see cref="ActionAccess"/> and <see cref="ProtectedStacks"/> hold their lists.</summary>
    private static string[] List(IStackConfig values, string key)
        => values.Get(key) is { } value
            ? [.. value.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
}
