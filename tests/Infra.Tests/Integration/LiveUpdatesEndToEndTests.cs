using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Runs;
using Infra.Cli.Diagnostics;
using Infra.Tests.Emulators.LiveUpdates;
using Infra.Tests.Emulators.Spacelift;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// Issue 18 end to end: the program declares both ends of the live-update loop against both emulators
/// over real HTTP, and a run triggered in Spacelift moves the entity's state with no further `up`.
/// The emulators' clock flows with the wall clock (Sandbox), so runs use a short step.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LiveUpdatesEndToEndTests
{
    private const string PortWebhook = "spacelift_stack_state";
    private const string NamedWebhook = "port-stack-state";
    private const string Policy = "port-stack-state-routing";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UpDeclaresBothEndsAndARunMovesTheEntityWithoutAnotherUp()
    {
        await using var sandbox = await StartAsync();
        var up = await sandbox.Cli("up", "--yes");
        Expect.Exit(ExitCodes.Success, up);

        var webhook = sandbox.Emulators.Port.Webhook(PortWebhook);
        Assert.NotNull(webhook);
        var named = sandbox.Emulators.Spacelift.NamedWebhooks.Find(NamedWebhook);
        Assert.NotNull(named);
        Assert.Equal(webhook!["url"]!.GetValue<string>(), named!.Endpoint);
        Assert.True(named.Enabled);
        Assert.NotNull(sandbox.Emulators.Spacelift.Policies.Find(Policy));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        var stack = RootStack(sandbox);
        var before = EntityState(sandbox, stack);
        var verify = await sandbox.Cli("verify", "--trigger", stack);
        Expect.Exit(ExitCodes.Success, verify);
        await SettleAsync(sandbox);

        var after = EntityState(sandbox, stack);
        Assert.NotEqual(before, after);
        Assert.Equal(await SpaceliftStateAsync(sandbox, stack), after);
        // The next run agrees with what the webhook wrote: no fight over the entity. verify's refresh ran the
        // automation, which records the new token's validUntil and the owner mark as up does: nothing to re-mint.
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task AForgedOrUnsignedEventChangesNothing()
    {
        await using var sandbox = await StartAsync();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var stack = RootStack(sandbox);
        var before = EntityState(sandbox, stack);
        var url = sandbox.Emulators.Port.Webhook(PortWebhook)!["url"]!.GetValue<string>();
        var body = LiveUpdateBodies.RunEvent(stack, before == "FAILED" ? "FINISHED" : "FAILED", stateVersion: 99);

        using var http = new HttpClient();
        foreach (var signature in new[] { LiveUpdateBodies.Sign256("not-the-secret", body), null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (signature is not null)
            {
                request.Headers.Add("X-Signature-256", signature);
            }

            using var answer = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        }

        await SettleAsync(sandbox);
        Assert.Equal(before, EntityState(sandbox, stack));
        using var api = sandbox.PortApi();
        var audit = (await api.SendAsync(HttpMethod.Get, "v1/audit-log?webhookId=" + PortWebhook))!["audits"]!.AsArray();
        Assert.Equal(2, audit.Count(e => e!["status"]!.GetValue<string>() == "FAILURE" && e["message"]!.GetValue<string>().Contains("signature", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheWebhookSecretNeverAppearsInOutputOrStateAndDestroyRemovesBothEnds()
    {
        await using var sandbox = await StartAsync();
        var up = await sandbox.Cli("up", "--yes");
        Expect.Exit(ExitCodes.Success, up);
        var preview = await sandbox.Cli("preview", "--json", "--diff");
        Expect.Exit(ExitCodes.Success, preview);
        var secret = sandbox.Emulators.Port.Webhook(PortWebhook)!["security"]!["secret"]!.GetValue<string>();
        Assert.Equal(secret, sandbox.Emulators.Spacelift.NamedWebhooks.Find(NamedWebhook)!.Secret);

        var scan = new SecretScan();
        scan.AddValue("webhook secret", secret);
        scan.AddRun("up", up);
        scan.AddRun("preview --json", preview);
        scan.AddFiles("state", sandbox.StateDir);
        Assert.Empty(scan.Leaks());

        var destroy = await sandbox.Cli("destroy", "--yes");
        Expect.Exit(ExitCodes.Success, destroy);
        Assert.Null(sandbox.Emulators.Port.Webhook(PortWebhook));
        Assert.Null(sandbox.Emulators.Spacelift.NamedWebhooks.Find(NamedWebhook));
        Assert.Null(sandbox.Emulators.Spacelift.Policies.Find(Policy));
    }

    [Fact]
    public async Task TurningLiveUpdatesOffRemovesBothEnds()
    {
        await using var sandbox = await StartAsync();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        sandbox.Config["infra:liveUpdates"] = "false";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        Assert.Null(sandbox.Emulators.Port.Webhook(PortWebhook));
        Assert.Null(sandbox.Emulators.Spacelift.NamedWebhooks.Find(NamedWebhook));
        Assert.Null(sandbox.Emulators.Spacelift.Policies.Find(Policy));
        Assert.NotEmpty(sandbox.EntityIds());
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    private static async Task<Sandbox> StartAsync()
    {
        var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 6 });
        // A run walks its states in about a second of wall clock instead of minutes.
        sandbox.Emulators.Spacelift.Runs.Script = RunScript.Default with { StepDuration = TimeSpan.FromMilliseconds(150) };
        sandbox.Emulators.Spacelift.Webhooks.RetryScale = 0;
        sandbox.Config["infra:liveUpdates"] = "true";
        sandbox.WriteStackFile();
        return sandbox;
    }

    /// <summary>Stacks in the legacy space do not inherit the root space's webhooks and policies, as on Spacelift.</summary>
    private static string RootStack(Sandbox sandbox) => sandbox.Emulators.Spacelift.Stacks.All().First(s => s.Space != "legacy").Id;

    private static string? EntityState(Sandbox sandbox, string stack)
        => sandbox.Emulators.Port.Entities(Sandbox.Blueprint).Single(e => e["identifier"]!.GetValue<string>() == stack)["properties"]?["state"]?.GetValue<string>();

    private static async Task<string> SpaceliftStateAsync(Sandbox sandbox, string stack)
    {
        using var graphQL = new GraphQLTestClient(sandbox.Emulators.SpaceliftGraphQLUrl);
        var answer = (await graphQL.PostAsync("query($id: ID!) { stack(id: $id) { state } }", new { id = stack }, await graphQL.MintTokenAsync())).AssertOk();
        return answer.Data.GetProperty("stack").GetProperty("state").GetString()!;
    }

    private static async Task SettleAsync(Sandbox sandbox)
    {
        using var timeout = new CancellationTokenSource(Settle);
        await sandbox.Emulators.Spacelift.Webhooks.WhenIdleAsync(timeout.Token);
        await sandbox.Emulators.Port.WhenIdleAsync(timeout.Token);
    }
}
