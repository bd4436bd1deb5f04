using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Users;
using Infra.Cli.Diagnostics;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// What `up` declares about who may trigger a stack, enforced: the program writes the permissions, then
/// members of the emulated organisation run the trigger through Port's API (<c>run_as</c>), as they would
/// from Port's UI. Refusals are Port's 403 with no run and no Spacelift call; a protected stack's run
/// waits until an allowed approver, not its requester, approves it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProtectedStackEnforcementTests
{
    private static readonly PortUser Developer = new("dev@acme.test", PortUser.Member, ["developers"]);
    private static readonly PortUser Platform = new("platform@acme.test", PortUser.Member, ["platform"]);
    private static readonly PortUser Approver = new("approver@acme.test", PortUser.Member, ["approvers"]);
    private static readonly PortUser Outsider = new("outsider@acme.test", PortUser.Member, []);

    private static string Trigger => ResourceNames.Guide.TriggerAction;

    [Fact]
    public async Task Only_the_listed_teams_may_trigger_and_a_protected_stack_waits_for_an_approver_other_than_its_requester()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3, PortUsers = [Developer, Platform, Approver, Outsider] });
        var stacks = sandbox.StackIds();
        var (shielded, open) = (stacks[0], stacks[1]);
        sandbox.Emulators.Spacelift.Stacks.Update(shielded, s => s with { Labels = [.. s.Labels, "protected"] });
        sandbox.Config["infra:triggerRoles"] = "Admin";
        sandbox.Config["infra:triggerTeams"] = "developers,platform";
        sandbox.Config["infra:protectedLabel"] = "protected";
        sandbox.Config["infra:protectedTeams"] = "platform";
        sandbox.Config["infra:protectedApproverTeams"] = "approvers";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();

        // A member outside the allowed teams is refused, and nothing reaches Spacelift.
        var outsider = await RunAsync(api, Outsider, open);
        Assert.Equal(403, outsider.Status);
        Assert.Equal("missing_permissions", outsider.Body!["error"]!.GetValue<string>());
        // A developer may trigger an open stack, but not a protected one.
        Assert.Equal(403, (await RunAsync(api, Developer, shielded)).Status);
        await sandbox.Emulators.Port.WhenIdleAsync();
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.All());

        // An open stack's run waits for an approval its requester may give himself.
        var openRun = RunId(await RunAsync(api, Developer, open));
        Assert.Equal("WAITING_FOR_APPROVAL", await StatusAsync(api, openRun));
        Assert.Equal(201, (await ApproveAsync(api, Developer, openRun)).Status);

        // A protected stack's run: not its requester, not another team, only an approver.
        var protectedRun = RunId(await RunAsync(api, Platform, shielded));
        Assert.Equal("WAITING_FOR_APPROVAL", await StatusAsync(api, protectedRun));
        Assert.Equal(403, (await ApproveAsync(api, Platform, protectedRun)).Status);
        Assert.Equal(403, (await ApproveAsync(api, Developer, protectedRun)).Status);
        await sandbox.Emulators.Port.WhenIdleAsync();
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.ForStack(shielded));
        Assert.Equal("WAITING_FOR_APPROVAL", await StatusAsync(api, protectedRun));
        Assert.Equal(201, (await ApproveAsync(api, Approver, protectedRun)).Status);

        await sandbox.Emulators.Port.WhenIdleAsync();
        Assert.Single(sandbox.Emulators.Spacelift.Runs.ForStack(shielded));
        Assert.Single(sandbox.Emulators.Spacelift.Runs.ForStack(open));
        Assert.Equal("SUCCESS", await StatusAsync(api, protectedRun));
        Assert.Equal(422, (await ApproveAsync(api, Approver, protectedRun)).Status);
    }

    /// <summary>
    /// Under Port's rule the execute policy alone decides once there is one, so the policy itself must
    /// carry <c>infra:triggerRoles/Teams/Users</c>: a member outside them is refused on every stack, the
    /// unprotected ones included, and one inside them is served.
    /// </summary>
    [Fact]
    public async Task Once_a_protected_label_is_set_a_member_outside_the_trigger_teams_is_refused_on_an_unprotected_stack()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, PortUsers = [Developer, Platform, Approver, Outsider] });
        var open = sandbox.StackIds()[1];
        sandbox.Config["infra:triggerRoles"] = "Admin";
        sandbox.Config["infra:triggerTeams"] = "developers";
        sandbox.Config["infra:protectedLabel"] = "protected";
        sandbox.Config["infra:protectedTeams"] = "platform";
        sandbox.Config["infra:protectedApproverTeams"] = "approvers";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();

        var outsider = await RunAsync(api, Outsider, open);
        var platform = await RunAsync(api, Platform, open);
        var developer = await RunAsync(api, Developer, open);

        Assert.Equal(403, outsider.Status);
        Assert.Equal(403, platform.Status);
        RunId(developer);
        await sandbox.Emulators.Port.WhenIdleAsync();
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.All());
    }

    [Fact]
    public async Task With_the_defaults_every_member_may_trigger_every_stack_without_approval()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, PortUsers = [Outsider] });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();

        var run = RunId(await RunAsync(api, Outsider, sandbox.StackIds()[0]));

        await sandbox.Emulators.Port.WhenIdleAsync();
        Assert.Equal("SUCCESS", await StatusAsync(api, run));
        Assert.Single(sandbox.Emulators.Spacelift.Runs.ForStack(sandbox.StackIds()[0]));
    }

    private static Task<(int Status, JsonNode? Body)> RunAsync(PortApi api, PortUser user, string stack)
        => api.TryAsync(HttpMethod.Post, $"v1/actions/{Trigger}/runs?run_as={Uri.EscapeDataString(user.Email)}", new JsonObject { ["properties"] = new JsonObject { ["stack"] = stack } });

    private static Task<(int Status, JsonNode? Body)> ApproveAsync(PortApi api, PortUser user, string run)
        => api.TryAsync(HttpMethod.Patch, $"v1/actions/runs/{run}/approval?version=v2&run_as={Uri.EscapeDataString(user.Email)}", new JsonObject { ["status"] = "APPROVE" });

    private static string RunId((int Status, JsonNode? Body) answer)
    {
        Assert.True(answer.Status is 200 or 201 or 202, $"{answer.Status} {answer.Body?.ToJsonString()}");
        return answer.Body!["run"]!["id"]!.GetValue<string>();
    }

    private static async Task<string> StatusAsync(PortApi api, string run)
        => (await api.SendAsync(HttpMethod.Get, $"v1/actions/runs/{run}"))!["run"]!["status"]!.GetValue<string>();
}
