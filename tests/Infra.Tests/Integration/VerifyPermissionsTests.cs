using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Users;
using Infra.Cli.Diagnostics;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// verify's permissions step end to end over real HTTP: after <c>up</c> it reports Port's permissions as
/// the emulator holds them; a change made in Port only warns (preview is the drift check, and it agrees);
/// and with protected stacks the trigger's run is held for an approval without verify timing out.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VerifyPermissionsTests
{
    private static readonly string Trigger = ResourceNames.Guide.TriggerAction;

    [Fact]
    public async Task AfterUpVerifySaysEveryMemberMayTriggerEveryStackWithoutApproval()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        var verify = await sandbox.Cli("verify");

        Expect.Exit(ExitCodes.Success, verify);
        Assert.Contains("  ok   permissions trigger_spacelift_stack: any member who may execute can trigger every stack without approval", verify.Output, StringComparison.Ordinal);
        Assert.Contains("trigger_spacelift_stack: execute: roles Admin, Member — approve: nobody listed — no approval required", verify.Output, StringComparison.Ordinal);
        Assert.Contains("refresh_spacelift_token: execute: roles Admin, Member — approve: nobody listed — no approval required", verify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", verify.Output, StringComparison.Ordinal);
        Assert.Contains("Verified: 4 of 4 steps passed", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermissionsWidenedInPortWarnAndUpRestoresThem()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();
        await api.SendAsync(HttpMethod.Patch, $"v1/actions/{Trigger}/permissions", new JsonObject { ["execute"] = new JsonObject { ["users"] = new JsonArray("contractor@example.com") } });

        var verify = await sandbox.Cli("verify", "--json");

        Expect.Exit(ExitCodes.Success, verify);
        var permissions = Sandbox.Json(verify)["steps"]![0]!.AsObject();
        Assert.Equal("passed", permissions["status"]!.GetValue<string>());
        Assert.Equal("roles Admin, Member; user contractor@example.com", permissions["permissions"]![0]!["execute"]!.GetValue<string>());
        Assert.False(permissions["permissions"]![0]!["matchesDeclaration"]!.GetValue<bool>());
        Assert.True(permissions["permissions"]![1]!["matchesDeclaration"]!.GetValue<bool>());
        Assert.Contains("differs from this stack's declaration: `up` restores it", permissions["warning"]!.GetValue<string>(), StringComparison.Ordinal);
        // verify and preview see the same difference; preview is the one that fails on it.
        Expect.Exit(ExitCodes.ChangesDetected, await sandbox.Cli("preview", "--expect-no-changes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        // The first verify forced a renewal; the emulator fires a timer at most once a scan interval, so the
        // shared clock is stepped past it rather than waited out.
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await sandbox.Cli("verify", "--json");
        Expect.Exit(ExitCodes.Success, again);
        Assert.Null(Sandbox.Json(again)["steps"]![0]!["warning"]);
    }

    [Fact]
    public async Task WithProtectedStacksTheTriggersRunWaitsForAnApprovalAndVerifySaysSo()
    {
        // The teams the policies name exist in Port: the program looks their identifiers up.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, PortUsers = [new PortUser("teams@acme.test", PortUser.Member, ["platform", "approvers"])] });
        sandbox.Config["infra:protectedLabel"] = "protected";
        sandbox.Config["infra:protectedTeams"] = "platform";
        sandbox.Config["infra:protectedApproverTeams"] = "approvers";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        // A generous timeout: a verify that waited for the held run would fail (exit 12), not pass slowly.
        var verify = await sandbox.Cli("verify", "--trigger", sandbox.StackIds()[0], "--json", "--timeout", "60");

        Expect.Exit(ExitCodes.Success, verify);
        var document = Sandbox.Json(verify);
        Assert.Equal("awaiting-approval", document["result"]!.GetValue<string>());
        var steps = document["steps"]!.AsArray();
        Assert.Equal("protected", steps[0]!["approval"]!.GetValue<string>());
        Assert.Equal("stacks labelled protected need an approval from team approvers; others are approved by whoever triggered them", steps[0]!["message"]!.GetValue<string>());
        var trigger = steps.Single(s => s!["name"]!.GetValue<string>() == "trigger")!;
        Assert.Equal("awaiting-approval", trigger["status"]!.GetValue<string>());
        var runId = trigger["runId"]!.GetValue<string>();
        Assert.Contains($"PATCH /v1/actions/runs/{runId}/approval", trigger["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(document["duration"]!.GetValue<double>() < 30, $"verify waited: {verify}");
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.All());
    }

    [Fact]
    public async Task ARefreshMadeToRequireApprovalInPortIsHeldNotTimedOut()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        // Without the self-renewing token, whose renewal step would rewrite the token before the refresh.
        sandbox.Config["infra:tokenRenewalLoop"] = "false";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var minted = sandbox.TokenSecret();
        using var api = sandbox.PortApi();
        await VerifyTests.EditActionAsync(api, ResourceNames.Guide.RefreshAction, a => a["requiredApproval"] = new JsonObject { ["type"] = "ANY" });

        var verify = await sandbox.Cli("verify", "--timeout", "60");

        Expect.Exit(ExitCodes.Success, verify);
        Assert.Contains("refresh_spacelift_token: execute: roles Admin, Member — approve: nobody listed — approval required (ANY) — differs from this stack's declaration", verify.Output, StringComparison.Ordinal);
        Assert.Contains("  wait refresh     refresh_spacelift_token: run r_", verify.Output, StringComparison.Ordinal);
        Assert.Contains("waits for an approval, so no token was produced yet", verify.Output, StringComparison.Ordinal);
        Assert.Equal(minted, sandbox.TokenSecret());
    }
}
