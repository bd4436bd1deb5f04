using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Diagnostics;
using Infra.Model.Declarations;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// verify's permissions step end to end over real HTTP: after <c>up</c> it reports Port's permissions as
/// the emulator holds them; a change made in Port only warns (preview is the drift check, and it agrees).
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
        Assert.Contains("Verified: 3 of 3 steps passed", verify.Output, StringComparison.Ordinal);
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
        var again = await sandbox.Cli("verify", "--json");
        Assert.Null(Sandbox.Json(again)["steps"]![0]!["warning"]);
    }
}
