using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Stacks;
using Infra.Tests.Support;
using Infra.Cli.Verify;

namespace Infra.Tests.Verify;

/// <summary>
/// verify's permissions step over a scripted Port: who may execute and approve each action in words,
/// whether a stack can be triggered without approval, and a difference from the declaration that warns
/// without failing (drift is preview's job).
/// </summary>
public sealed class PermissionsCheckTests
{
    private static readonly string Trigger = ResourceNames.Guide.TriggerAction;
    private static readonly string Refresh = ResourceNames.Guide.RefreshAction;

    [Fact]
    public async Task PortsDefaultsLetEveryMemberTriggerEveryStackWithoutApproval()
    {
        var port = new ScriptedPortOrganisation();

        var (report, step) = await PermissionsAsync(port);

        Assert.Equal(VerifyStepStatus.Passed, step.Status);
        Assert.Equal(TriggerApproval.None, step.Approval);
        Assert.Equal("any member who may execute can trigger every stack without approval", step.Message);
        Assert.Equal([Trigger, Refresh], step.Permissions!.Select(p => p.Action));
        Assert.All(step.Permissions!, p => Assert.Equal("roles Admin, Member", p.Execute));
        Assert.All(step.Permissions!, p => Assert.Equal("nobody listed", p.Approve));
        Assert.All(step.Permissions!, p => Assert.True(p.MatchesDeclaration));
        Assert.Equal($"{Trigger}: execute: roles Admin, Member — approve: nobody listed — no approval required", step.Permissions![0].Line);
        Assert.Null(step.Warning);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
    }

    [Fact]
    public async Task PermissionsWidenedInTheUiStillPassButSayUpRestoresThem()
    {
        var port = new ScriptedPortOrganisation();
        port.Permissions[Trigger]["execute"]!["users"] = new JsonArray("someone@example.com");
        port.Permissions[Trigger]["execute"]!["ownedByTeam"] = true;

        var (report, step) = await PermissionsAsync(port);

        Assert.Equal(VerifyStepStatus.Passed, step.Status);
        Assert.Equal("roles Admin, Member; user someone@example.com; owners of the entity", step.Permissions![0].Execute);
        Assert.False(step.Permissions[0].MatchesDeclaration);
        Assert.True(step.Permissions[1].MatchesDeclaration);
        Assert.EndsWith("differs from this stack's declaration: `up` restores it", step.Permissions[0].Line, StringComparison.Ordinal);
        Assert.StartsWith($"{Trigger} differs from this stack's declaration: `up` restores it", step.Warning, StringComparison.Ordinal);
        Assert.Contains("preview --expect-no-changes", step.Warning, StringComparison.Ordinal);
        Assert.True(report.Passed);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
    }

    [Fact]
    public async Task ListsInAnotherOrderAreTheSamePermissions()
    {
        var port = new ScriptedPortOrganisation();
        port.Permissions[Trigger]["execute"]!["roles"] = new JsonArray("Member", "Admin");

        var (_, step) = await PermissionsAsync(port);

        Assert.True(step.Permissions![0].MatchesDeclaration);
        Assert.Equal("roles Admin, Member", step.Permissions[0].Execute);
        Assert.Null(step.Warning);
    }

    [Fact]
    public async Task TheDeclaredProtectionSaysWhichStacksNeedAnApproverAndFromWhom()
    {
        var port = new ScriptedPortOrganisation(GoldenDeclaration.Protected);

        var (_, step) = await PermissionsAsync(port);

        Assert.Equal(TriggerApproval.Protected, step.Approval);
        Assert.Equal("stacks labelled protected need an approval from role Admin or team approvers; others are approved by whoever triggered them", step.Message);
        Assert.Equal("role Admin; teams developers, platform; a dynamic policy", step.Permissions![0].Execute);
        Assert.Equal("role Admin; team approvers; a dynamic policy", step.Permissions[0].Approve);
        Assert.Equal("ANY", step.Permissions[0].RequiredApproval);
        Assert.All(step.Permissions, p => Assert.True(p.MatchesDeclaration));
        Assert.Null(step.Warning);
    }

    [Fact]
    public async Task AnApprovePolicyEditedInPortIsCustomAndVerifyCannotTell()
    {
        var port = new ScriptedPortOrganisation(GoldenDeclaration.Protected);
        port.Permissions[Trigger]["approve"]!["policy"]!["conditions"] = new JsonArray("[.results.approvers.entities[].identifier]");

        var (report, step) = await PermissionsAsync(port);

        Assert.Equal(TriggerApproval.Custom, step.Approval);
        Assert.Contains("custom policy this stack did not declare", step.Message, StringComparison.Ordinal);
        Assert.Contains("verify cannot tell which stacks can be triggered without approval", step.Message, StringComparison.Ordinal);
        Assert.False(step.Permissions![0].MatchesDeclaration);
        Assert.NotNull(step.Warning);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
    }

    [Fact]
    public async Task APolicyWhenThisStackDeclaresNoProtectionIsCustom()
    {
        var port = new ScriptedPortOrganisation();
        var protectedBodies = new ScriptedPortOrganisation(GoldenDeclaration.Protected);
        port.Actions[Trigger]["requiredApproval"] = new JsonObject { ["type"] = "ANY" };
        port.Permissions[Trigger] = protectedBodies.Permissions[Trigger];

        var (_, step) = await PermissionsAsync(port);

        Assert.Equal(TriggerApproval.Custom, step.Approval);
        Assert.False(step.Permissions![0].MatchesDeclaration);
    }

    [Fact]
    public async Task RequiredApprovalWithoutAPolicyMeansEveryStackWaitsForTheListedApprovers()
    {
        var port = new ScriptedPortOrganisation();
        port.Actions[Trigger]["requiredApproval"] = new JsonObject { ["type"] = "ALL" };
        port.Permissions[Trigger]["approve"]!["teams"] = new JsonArray("sre", "approvers");

        var (_, step) = await PermissionsAsync(port);

        Assert.Equal(TriggerApproval.EveryRun, step.Approval);
        Assert.Equal("every stack needs the approval of every one of teams approvers, sre: none can be triggered without approval", step.Message);
        Assert.Equal("ALL", step.Permissions![0].RequiredApproval);
        Assert.False(step.Permissions[0].MatchesDeclaration);
    }

    [Fact]
    public async Task ADeletedTriggerActionIsReportedNotThrown()
    {
        var port = new ScriptedPortOrganisation();
        port.Actions.Remove(Trigger);

        var (_, step) = await PermissionsAsync(port);

        Assert.Equal(VerifyStepStatus.Passed, step.Status);
        Assert.Null(step.Approval);
        Assert.Contains($"{Trigger} is not in Port", step.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Trigger}: not in Port — differs", step.Permissions![0].Line, StringComparison.Ordinal);
    }

    private static async Task<(VerifyReport Report, VerifyStep Step)> PermissionsAsync(ScriptedPortOrganisation port)
    {
        var report = await port.VerifyAsync(trigger: null);
        Assert.Equal(["permissions", "refresh", "automation"], report.Steps.Select(s => s.Name));
        return (report, report.Steps[0]);
    }
}
