using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Users;
using Emulators.Spacelift.Runs;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration.Unknowns;

/// <summary>
/// The program's main flows against the emulators started with the switch flags of docs/unknowns.md (parsed by
/// the emulators' own command line, so the names are the flags'): the first <c>up</c> with live updates,
/// an idle <c>preview --expect-no-changes</c> (also from a fresh clone without local state), drift at both ends of the loop and in an entity repaired,
/// <c>verify --trigger</c> whose run the live update carries back, then protected stacks: members triggering as
/// the policies allow, <c>verify --trigger</c> held for an approval, and <c>destroy</c> leaving nothing behind.
/// More stacks than one page of 50, so the listing pages under every cap.
/// </summary>
internal static class MainFlows
{
    private const string Trigger = "trigger_spacelift_stack";
    private const string PortWebhook = "spacelift_stack_state";
    private const string NamedWebhook = "port-stack-state";
    private const string Policy = "port-stack-state-routing";
    private const string Label = "protected";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    private static readonly PortUser Developer = new("dev@acme.test", PortUser.Member, ["developers"]);
    private static readonly PortUser Platform = new("platform@acme.test", PortUser.Member, ["platform"]);
    private static readonly PortUser Approver = new("approver@acme.test", PortUser.Member, ["approvers"]);
    private static readonly PortUser Outsider = new("outsider@acme.test", PortUser.Member, []);

    /// <summary>Runs every flow under the emulators <paramref name="flags"/> start (space-separated, as on the command line).</summary>
    public static async Task RunAsync(string flags)
    {
        var options = EmulatorCommandLine.Parse(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries))!
            with { Stacks = 55, PortUsers = [Developer, Platform, Approver, Outsider] };
        await using var sandbox = await Sandbox.StartAsync(options);
        // A run walks its states in about a second of wall clock instead of minutes.
        sandbox.Emulators.Spacelift.Runs.Script = RunScript.Default with { StepDuration = TimeSpan.FromMilliseconds(150) };
        sandbox.Emulators.Spacelift.Webhooks.RetryScale = 0;
        var stacks = sandbox.Emulators.Spacelift.Stacks.All().Where(s => s.Space != "legacy").Select(s => s.Id).ToList();
        var (shielded, open) = (stacks[0], stacks[1]);
        sandbox.Emulators.Spacelift.Stacks.Update(shielded, s => s with { Labels = [.. s.Labels, Label] });
        sandbox.Config["infra:liveUpdates"] = "true";
        sandbox.WriteStackFile();

        await FirstUpAndIdleAsync(sandbox);
        await DriftRepairedAsync(sandbox, open);
        await VerifyWithLiveUpdatesAsync(sandbox, open);
        await ProtectedStacksAsync(sandbox, shielded, open);
        await DestroyAsync(sandbox);
    }

    private static async Task FirstUpAndIdleAsync(Sandbox sandbox)
    {
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        sandbox.AssertEntitiesMatchStacks();
        var webhook = sandbox.Emulators.Port.Webhook(PortWebhook)!;
        var named = Assert.Single(sandbox.Emulators.Spacelift.NamedWebhooks.All(), w => w.Name == NamedWebhook);
        Assert.Equal(webhook["url"]!.GetValue<string>(), named.Endpoint);
        Assert.Equal(webhook["security"]!["secret"]!.GetValue<string>(), named.Secret);
        // The policy names the id Spacelift gave the named webhook, whatever it is.
        var policy = Assert.Single(sandbox.Emulators.Spacelift.Policies.All(), p => p.Name == Policy);
        Assert.Contains($"endpoint.id == \"{named.Id}\"", policy.Body, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        // A fresh clone (no local state) finds the same resources, by name, and plans nothing either.
        Directory.Delete(sandbox.StateDir, recursive: true);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    private static async Task DriftRepairedAsync(Sandbox sandbox, string stack)
    {
        var secret = Assert.Single(sandbox.Emulators.Spacelift.NamedWebhooks.All()).Secret;
        using (var api = sandbox.PortApi())
        {
            await api.SendAsync(HttpMethod.Patch, "v1/webhooks/" + PortWebhook, new JsonObject { ["enabled"] = false });
            await api.SendAsync(HttpMethod.Patch, $"v1/blueprints/{Sandbox.Blueprint}/entities/{stack}", new JsonObject { ["properties"] = new JsonObject { ["branch"] = "edited-in-port" } });
        }

        var named = Assert.Single(sandbox.Emulators.Spacelift.NamedWebhooks.All());
        sandbox.Emulators.Spacelift.NamedWebhooks.Update(named.Id, w => w with { Enabled = false });

        Expect.Exit(ExitCodes.ChangesDetected, await sandbox.Cli("preview", "--expect-no-changes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        // Both ends repaired without a new secret: each kept the one it had.
        Assert.True(sandbox.Emulators.Port.Webhook(PortWebhook)!["enabled"]!.GetValue<bool>());
        var repaired = Assert.Single(sandbox.Emulators.Spacelift.NamedWebhooks.All());
        Assert.True(repaired.Enabled);
        Assert.Equal(secret, repaired.Secret);
        Assert.Equal(secret, sandbox.Emulators.Port.Webhook(PortWebhook)!["security"]!["secret"]!.GetValue<string>());
    }

    /// <summary>verify passes only once the entity's state followed the run through the loop (its live-state step).</summary>
    private static async Task VerifyWithLiveUpdatesAsync(Sandbox sandbox, string stack)
    {
        var verify = await sandbox.Cli("verify", "--trigger", stack, "--json");

        Expect.Exit(ExitCodes.Success, verify);
        var steps = Sandbox.Json(verify)["steps"]!.AsArray();
        // The self-renewing token (on by default) renewed once, forced by verify, and the trigger ran on its token.
        Assert.Equal("passed", Assert.Single(steps, s => s!["name"]!.GetValue<string>() == "renewal")!["status"]!.GetValue<string>());
        Assert.Equal("passed", Assert.Single(steps, s => s!["name"]!.GetValue<string>() == "live-state")!["status"]!.GetValue<string>());
        await SettleAsync(sandbox);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    private static async Task ProtectedStacksAsync(Sandbox sandbox, string shielded, string open)
    {
        sandbox.Config["infra:triggerRoles"] = "Admin";
        sandbox.Config["infra:triggerTeams"] = "developers,platform";
        sandbox.Config["infra:protectedLabel"] = Label;
        sandbox.Config["infra:protectedTeams"] = "platform";
        sandbox.Config["infra:protectedApproverTeams"] = "approvers";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
        using var api = sandbox.PortApi();

        // Outside the trigger teams: refused everywhere; a developer: not on a protected stack.
        Assert.Equal(403, (await RunAsync(api, Outsider, open)).Status);
        Assert.Equal(403, (await RunAsync(api, Developer, shielded)).Status);
        // The protected stack's team may, and its run waits for an approver other than the requester.
        var run = RunId(await RunAsync(api, Platform, shielded));
        Assert.Equal(403, (await ApproveAsync(api, Platform, run)).Status);
        Assert.Equal(201, (await ApproveAsync(api, Approver, run)).Status);
        await sandbox.Emulators.Port.WhenIdleAsync();
        Assert.Single(sandbox.Emulators.Spacelift.Runs.ForStack(shielded));

        // verify's own trigger (an unprotected stack) is held for its approval, and verify says so. The first verify
        // forced a renewal, and the emulator fires a timer at most once a scan interval: the shared clock is stepped
        // past it rather than waited out (a minute of real time per setting otherwise).
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var verify = await sandbox.Cli("verify", "--trigger", open, "--json");
        Expect.Exit(ExitCodes.Success, verify);
        Assert.Equal("awaiting-approval", Sandbox.Json(verify)["result"]!.GetValue<string>());
    }

    private static async Task DestroyAsync(Sandbox sandbox)
    {
        await SettleAsync(sandbox);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("destroy", "--yes"));

        Assert.Null(sandbox.Emulators.Port.Webhook(PortWebhook));
        Assert.Empty(sandbox.Emulators.Spacelift.NamedWebhooks.All());
        Assert.Empty(sandbox.Emulators.Spacelift.Policies.All());
        Assert.Empty(sandbox.EntityIds());
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

    private static async Task SettleAsync(Sandbox sandbox)
    {
        using var timeout = new CancellationTokenSource(Settle);
        await sandbox.Emulators.Spacelift.Webhooks.WhenIdleAsync(timeout.Token);
        await sandbox.Emulators.Port.WhenIdleAsync(timeout.Token);
    }
}
