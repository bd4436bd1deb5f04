using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Users;
using Infra.Cli.Diagnostics;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// Who may trigger a stack, end to end over HTTP against the emulators: the actions' permissions are
/// declared, adopted unchanged from Port's defaults, detected when widened in Port's UI and restored,
/// and, with a protected label, written as dynamic policies that Port gives back without a perpetual diff.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ActionPermissionsTests
{
    private static string Trigger => ResourceNames.Guide.TriggerAction;

    [Fact]
    public async Task With_the_defaults_up_leaves_Ports_own_permissions_and_preview_notes_who_may_trigger_once()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });

        var up = await sandbox.Cli("up", "--yes");
        var preview = await sandbox.Cli("preview", "--expect-no-changes");

        Expect.Exit(ExitCodes.Success, up);
        Expect.Exit(ExitCodes.Success, preview);
        using var api = sandbox.PortApi();
        var permissions = (await api.SendAsync(HttpMethod.Get, $"v1/actions/{Trigger}/permissions"))!["permissions"]!;
        Assert.Equal(["Admin", "Member"], permissions["execute"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Empty(permissions["execute"]!["teams"]!.AsArray());
        Assert.Single(Lines(preview.All, "every member who may execute trigger_spacelift_stack (roles Admin, Member) can start runs on every stack"));
        Assert.Contains("infra:protectedLabel", preview.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_added_in_the_UI_is_a_change_with_its_property_diff_and_up_removes_it()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();

        await api.SendAsync(HttpMethod.Patch, $"v1/actions/{Trigger}/permissions", new JsonObject { ["execute"] = new JsonObject { ["teams"] = new JsonArray("contractors") } });
        var check = await sandbox.Cli("preview", "--expect-no-changes", "--diff");

        Expect.Exit(ExitCodes.ChangesDetected, check);
        Assert.Contains($"~  port:index/actionPermissions:ActionPermissions {Trigger} update", check.Output, StringComparison.Ordinal);
        Assert.Contains("execute.teams", check.Output, StringComparison.Ordinal);
        Assert.Contains("contractors", check.Output, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
        var repaired = (await api.SendAsync(HttpMethod.Get, $"v1/actions/{Trigger}/permissions"))!["permissions"]!;
        Assert.Empty(repaired["execute"]!["teams"]!.AsArray());
    }

    [Fact]
    public async Task Roles_read_back_in_another_order_are_no_change()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 1 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();

        await api.SendAsync(HttpMethod.Patch, $"v1/actions/{Trigger}/permissions", new JsonObject { ["execute"] = new JsonObject { ["roles"] = new JsonArray("Member", "Admin") } });

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task Protected_stacks_are_declared_as_policies_with_required_approval_and_converge()
    {
        // The teams the policies name exist in Port: the program looks their identifiers up.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3, PortUsers = [new PortUser("teams@acme.test", PortUser.Member, ["developers", "platform", "approvers"])] });
        sandbox.Config["infra:triggerRoles"] = "Admin";
        sandbox.Config["infra:triggerTeams"] = "developers,platform";
        sandbox.Config["infra:protectedLabel"] = "protected";
        sandbox.Config["infra:protectedTeams"] = "platform";
        sandbox.Config["infra:protectedApproverTeams"] = "approvers";
        sandbox.WriteStackFile();

        var up = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.Success, up);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
        using var api = sandbox.PortApi();
        var permissions = (await api.SendAsync(HttpMethod.Get, $"v1/actions/{Trigger}/permissions"))!["permissions"]!;
        Assert.Equal(["developers", "platform"], permissions["execute"]!["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("\"protected\"", permissions["execute"]!["policy"]!["conditions"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["approvers"], permissions["approve"]!["teams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.NotNull(permissions["approve"]!["policy"]!["queries"]!["approvers"]);
        var action = (await api.SendAsync(HttpMethod.Get, $"v1/actions/{Trigger}"))!["action"]!;
        Assert.Equal("ANY", action["requiredApproval"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("every member who may execute", up.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protected_label_without_teams_is_refused_in_one_line_before_anything_is_written()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 1 });
        sandbox.Config["infra:protectedLabel"] = "protected";
        sandbox.WriteStackFile();

        var up = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.UsageOrConfig, up);
        Expect.OneLineError(up);
        Assert.Contains("infra:protectedTeams", up.Error, StringComparison.Ordinal);
        Assert.Null(sandbox.Emulators.Port.Action(Trigger));
    }

    [Fact]
    public async Task Destroy_removes_the_permissions_with_their_actions()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 1 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        var destroy = await sandbox.Cli("destroy", "--yes");

        Expect.Exit(ExitCodes.Success, destroy);
        Assert.Contains($"-  port:index/actionPermissions:ActionPermissions {Trigger} deleted", destroy.Output, StringComparison.Ordinal);
        Assert.Null(sandbox.Emulators.Port.Action(Trigger));
        using var api = sandbox.PortApi();
        var gone = await Assert.ThrowsAsync<HttpRequestException>(() => api.SendAsync(HttpMethod.Get, $"v1/actions/{Trigger}/permissions"));
        Assert.Contains("404", gone.Message, StringComparison.Ordinal);
    }

    private static string[] Lines(string text, string containing)
        => [.. text.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal))];
}
