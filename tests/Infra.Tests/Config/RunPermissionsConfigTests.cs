using Infra.Cli.Config;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Config;

/// <summary>
/// Who may run the actions (<c>infra:trigger*</c>, <c>infra:refresh*</c>, <c>infra:protected*</c>): Port's
/// defaults when unset, lists sorted and de-duplicated, and one-line errors for settings that would do
/// nothing or lock a protected stack for good.
/// </summary>
public sealed class RunPermissionsConfigTests
{
    private const string Complete = MinimalStack.Yaml;

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static RunPermissions Load(string extra, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var project = new TempProject().WithStack("test", Complete + extra);
        return ProgramInputs.Read(StackConfigLoader.Load(project.Directory, "test", environment ?? NoEnvironment)).Permissions;
    }

    private static void Fails(string extra, params string[] expected)
    {
        using var project = new TempProject().WithStack("test", Complete + extra);
        ConfigAssert.Fails(() => ProgramInputs.Read(StackConfigLoader.Load(project.Directory, "test", NoEnvironment)), ["Pulumi.test.yaml", .. expected]);
    }

    [Fact]
    public void Unset_is_Ports_default_for_a_new_action_and_protects_nothing()
    {
        var permissions = Load("");

        Assert.Equal(["Admin", "Member"], permissions.Trigger.Roles);
        Assert.Empty(permissions.Trigger.Teams);
        Assert.Empty(permissions.Trigger.Users);
        Assert.Equal(["Admin", "Member"], permissions.Refresh.Roles);
        Assert.Null(permissions.Protected);
    }

    [Fact]
    public void Lists_are_comma_separated_trimmed_sorted_and_without_duplicates()
    {
        var permissions = Load("  infra:triggerRoles: Admin\n  infra:triggerTeams: \"sre, platform,sre\"\n  infra:refreshUsers: b@x.io,a@x.io\n");

        Assert.Equal(["Admin"], permissions.Trigger.Roles);
        Assert.Equal(["platform", "sre"], permissions.Trigger.Teams);
        Assert.Equal(["a@x.io", "b@x.io"], permissions.Refresh.Users);
    }

    [Fact]
    public void The_environment_variables_supply_the_lists_too()
    {
        var permissions = Load("", new Dictionary<string, string?> { ["INFRA_TRIGGER_TEAMS"] = "platform", ["INFRA_PROTECTED_LABEL"] = "prod", ["INFRA_PROTECTED_TEAMS"] = "platform", ["INFRA_PROTECTED_APPROVER_ROLES"] = "Admin" });

        Assert.Equal(["platform"], permissions.Trigger.Teams);
        Assert.Equal("prod", permissions.Protected!.Label);
        Assert.Equal(["Admin"], permissions.Protected.ApproverRoles);
    }

    [Fact]
    public void A_protected_label_with_teams_and_approvers_is_read()
    {
        var permissions = Load("  infra:protectedLabel: protected\n  infra:protectedTeams: sre,platform\n  infra:protectedApproverTeams: approvers\n");

        var shielded = Assert.IsType<ProtectedStacks>(permissions.Protected);
        Assert.Equal("protected", shielded.Label);
        Assert.Equal(["platform", "sre"], shielded.Teams);
        Assert.Equal(["approvers"], shielded.ApproverTeams);
        Assert.Empty(shielded.ApproverRoles);
    }

    [Fact]
    public void A_protected_label_without_teams_is_refused()
        => Fails("  infra:protectedLabel: protected\n  infra:protectedApproverRoles: Admin\n", "'infra:protectedTeams'", "INFRA_PROTECTED_TEAMS", "teams that may trigger a protected stack");

    [Fact]
    public void A_protected_label_without_approvers_is_refused()
        => Fails("  infra:protectedLabel: protected\n  infra:protectedTeams: platform\n", "'infra:protectedApproverTeams'", "'infra:protectedApproverRoles'", "an approval nobody may give");

    [Fact]
    public void Protection_settings_without_a_label_are_refused_rather_than_ignored()
        => Fails("  infra:protectedTeams: platform\n", "'infra:protectedTeams'", "'infra:protectedLabel'", "is set but");

    [Fact]
    public void A_label_list_is_refused()
        => Fails("  infra:protectedLabel: a,b\n  infra:protectedTeams: platform\n  infra:protectedApproverRoles: Admin\n", "'infra:protectedLabel'", "'a,b'", "one Spacelift label");

    [Fact]
    public void A_user_that_is_not_an_email_is_refused()
        => Fails("  infra:triggerUsers: alice\n", "'infra:triggerUsers'", "'alice'", "by email");
}
