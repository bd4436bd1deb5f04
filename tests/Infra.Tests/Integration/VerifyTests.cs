using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Shell;
using Infra.Cli.Shell.Io;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine;
using Infra.Tests.Support;
using Spectre.Console.Testing;
using Infra.Stacks;

namespace Infra.Tests.Integration;

/// <summary>
/// <c>verify</c> end to end over real HTTP: the whole chain on the demo stack, then each broken link
/// (issue 10, item 7) with its exit code and the message that names it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VerifyTests
{
    [Fact]
    public async Task VerifyTriggerShowsTheWholeChainWorkingOnTheDemoStack()
    {
        using var demo = new DemoCopy();
        var up = await demo.RunAsync("up", "--stack", "demo", "--yes", "--json");
        Expect.Exit(ExitCodes.Success, up);
        var stackId = Sandbox.Json(up)["steps"]!.AsArray()
            .First(s => s!["type"]!.GetValue<string>().EndsWith(":Entity", StringComparison.Ordinal)
                && s["urn"]!.GetValue<string>().EndsWith("::" + Sandbox.Blueprint + "/" + s["name"]!.GetValue<string>(), StringComparison.Ordinal))!["name"]!.GetValue<string>();

        var verify = await demo.RunAsync("verify", "--stack", "demo", "--trigger", stackId, "--json");

        Expect.Exit(ExitCodes.Success, verify);
        var document = Sandbox.Json(verify);
        Assert.Equal("passed", document["result"]!.GetValue<string>());
        var steps = document["steps"]!.AsArray();
        // The trigger runs right after the renewal, on the token the loop wrote.
        Assert.Equal(["permissions", "renewal", "trigger", "refresh", "automation"], steps.Select(s => s!["name"]!.GetValue<string>()));
        Assert.All(steps, s => Assert.Equal("passed", s!["status"]!.GetValue<string>()));
        Assert.All(steps.Skip(1), s => Assert.StartsWith("r_", s!["runId"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.NotNull(steps[1]!["tokenUpdatedAt"]);
        Assert.Contains($"/stack/{stackId}/run/", steps[2]!["spaceliftRunUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(steps[4]!["tokenUpdatedAt"]);
        // The demo organisation was kept: the next preview of the demo sees the token the automation wrote.
        Expect.Exit(ExitCodes.Success, await demo.RunAsync("preview", "--stack", "demo"));
    }

    [Fact]
    public async Task VerifyWithoutTriggerRewritesOnlyTheTokenAndReportsEachRun()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var minted = sandbox.TokenSecret();

        var verify = await sandbox.Cli("verify");

        Expect.Exit(ExitCodes.Success, verify);
        Assert.NotEqual(minted, sandbox.TokenSecret());
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.All());
        // The renewal, the refresh and the automations on their runs (the two that store and re-arm after
        // each): verify names the runs it checks.
        var runs = sandbox.Emulators.Port.Runs();
        Assert.Equal(6, runs.Count);
        string[] named = [ResourceNames.Guide.RefreshAction, ResourceNames.Guide.TokenAutomation, new RenewalLoopNames(ResourceNames.Guide).Renew];
        var checkedRuns = runs.Where(r => named.Contains(r["action"]!["identifier"]!.GetValue<string>())).ToList();
        Assert.Equal(3, checkedRuns.Count);
        Assert.All(checkedRuns, r => Assert.Contains(r["id"]!.GetValue<string>(), verify.Output, StringComparison.Ordinal));
        Assert.Contains("Verified: 4 of 4 steps passed", verify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.TokenSecret()!, verify.All, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Emulators.Options.SpaceliftKeySecret, verify.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKeySecretInPortBreaksTheCredentialsLink()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        // Without the self-renewing token, whose renewal step would fail first, with its own exit code
        // (TokenRenewalEndToEndTests).
        sandbox.Config["infra:tokenRenewalLoop"] = "false";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var minted = sandbox.TokenSecret();
        using var api = sandbox.PortApi();
        await api.SendAsync(HttpMethod.Patch, $"v1/organization/secrets/{ResourceNames.Guide.ApiKeySecretSecret}", new JsonObject { ["secretValue"] = "wrong" });

        var verify = await sandbox.Cli("verify", "--trigger", sandbox.StackIds()[0], "--json");

        Expect.Exit(ExitCodes.VerifyCredentials, verify);
        Expect.OneLineError(verify);
        Assert.Contains("the credentials", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(ResourceNames.Guide.ApiKeySecretSecret, verify.ErrorLines[0], StringComparison.Ordinal);
        var document = Sandbox.Json(verify);
        Assert.Equal("credentials", document["brokenLink"]!.GetValue<string>());
        Assert.Equal(["passed", "failed", "skipped", "skipped"], document["steps"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
        Assert.Equal(minted, sandbox.TokenSecret());
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.All());
    }

    [Fact]
    public async Task ADeletedAutomationBreaksTheAutomationLink()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();
        await api.SendAsync(HttpMethod.Delete, $"v1/actions/{ResourceNames.Guide.TokenAutomation}");

        var verify = await sandbox.Cli("verify");

        Expect.Exit(ExitCodes.VerifyAutomation, verify);
        Expect.OneLineError(verify);
        Assert.Contains($"{ResourceNames.Guide.TokenAutomation} is not in Port", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("broken link: the automation", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAutomationConditionThatNeverHoldsBreaksTheAutomationLinkWithinTheTimeout()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();
        await EditActionAsync(api, ResourceNames.Guide.TokenAutomation, a => a["trigger"]!["condition"]!["expressions"] = new JsonArray(".diff.after.status == \"NEVER\""));

        var verify = await sandbox.Cli("verify", "--timeout", "2");

        Expect.Exit(ExitCodes.VerifyAutomation, verify);
        Assert.Contains("its condition did not hold", verify.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditedRefreshUrlBreaksTheWebhookLink()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();
        await EditActionAsync(api, ResourceNames.Guide.RefreshAction, a => a["invocationMethod"]!["url"] = $"http://127.0.0.1:{ClosedPort.Next()}/graphql");

        var verify = await sandbox.Cli("verify");

        Expect.Exit(ExitCodes.VerifyWebhook, verify);
        Expect.OneLineError(verify);
        Assert.Contains("the webhook", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("FAILURE", verify.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditedTriggerUrlThatAnswersWithoutGraphQlBreaksTheWebhookLink()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();
        // Spacelift's host, a path that is not its API: an answer, but not a GraphQL one.
        await EditActionAsync(api, ResourceNames.Guide.TriggerAction, a => a["invocationMethod"]!["url"] = new Uri(sandbox.Emulators.SpaceliftUrl, "health").AbsoluteUri);

        var verify = await sandbox.Cli("verify", "--trigger", sandbox.StackIds()[0]);

        Expect.Exit(ExitCodes.VerifyWebhook, verify);
        Assert.Contains("trigger_spacelift_stack", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(sandbox.Emulators.Spacelift.Runs.All());
    }

    [Fact]
    public async Task ATriggerSpaceliftRefusesBreaksTheSpaceliftAnswerLink()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();
        // An entity whose stack Spacelift does not have: Port runs the action, Spacelift answers with errors.
        await api.SendAsync(HttpMethod.Post, $"v1/blueprints/{Sandbox.Blueprint}/entities", new JsonObject { ["identifier"] = "not-in-spacelift", ["title"] = "Gone" });

        var verify = await sandbox.Cli("verify", "--trigger", "not-in-spacelift");

        Expect.Exit(ExitCodes.VerifySpaceliftAnswer, verify);
        Assert.Contains("Spacelift's answer", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("not-in-spacelift", verify.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyBeforeUpSaysToRunUpFirst()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 1 });

        var verify = await sandbox.Cli("verify");

        Expect.Exit(ExitCodes.UsageOrConfig, verify);
        Expect.OneLineError(verify);
        Assert.Contains("run `up --stack ci` first", verify.ErrorLines[0], StringComparison.Ordinal);
    }

    /// <summary>An edit made in Port's UI: the action as Port holds it, changed, PUT back.</summary>
    internal static async Task EditActionAsync(PortApi api, string identifier, Action<JsonObject> edit)
    {
        var action = (await api.SendAsync(HttpMethod.Get, $"v1/actions/{identifier}"))!["action"]!.AsObject();
        foreach (var meta in new[] { "id", "createdAt", "createdBy", "updatedAt", "updatedBy" })
        {
            action.Remove(meta);
        }

        edit(action);
        await api.SendAsync(HttpMethod.Put, $"v1/actions/{identifier}", action);
    }
}
