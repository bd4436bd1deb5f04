using Infra.Cli.Diagnostics;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Integration.TokenRenewal;

/// <summary>
/// The self-renewing token end to end over HTTP (issue 25, "Done when"): the real program's <c>up</c> against
/// both emulators with one-hour tokens, then hours of the emulators' clock with no <c>up</c>, and a trigger
/// through Port's API at the end; the same with the loop turned off; and a refused key, which stops the loop
/// after one failed renewal.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TokenRenewalEndToEndTests
{
    [Fact]
    public async Task AfterSixTokenLifetimesWithNoUpTheTriggerStillSucceeds()
    {
        // Given up created the loop and armed the timer from the token it minted
        await using var world = await RenewalSandbox.StartAsync();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        var firstToken = world.Sandbox.TokenSecret()!;
        var validUntil = RenewalSandbox.Parse(await world.LeasePropertyAsync(TokenRenewalLoop.ValidUntil));
        Assert.Equal(validUntil - RenewalLoop.Default.Margin, await world.RenewAtAsync());
        Assert.Contains("validUntil:" + await world.LeasePropertyAsync(TokenRenewalLoop.ValidUntil), world.TokenDescription(), StringComparison.Ordinal);

        // When six token lifetimes pass on the emulators' clock and nothing but Port acts
        await world.PassAsync(TimeSpan.FromHours(6));

        // Then Port renewed the token every 50 minutes, each time storing it and setting the timer again
        var renewals = await world.RunsAsync(world.Loop.Renew);
        Assert.InRange(renewals.Count, 7, 8);
        Assert.All(renewals, r => Assert.Equal("SUCCESS", r!["status"]!.GetValue<string>()));
        Assert.Equal(renewals.Count, (await world.RunsAsync(world.Loop.Store)).Count);
        Assert.Equal(renewals.Count, (await world.RunsAsync(world.Loop.Rearm)).Count);
        Assert.Empty(await world.RunsAsync(world.Loop.Failed));
        Assert.NotEqual(firstToken, world.Sandbox.TokenSecret());
        Assert.True(await world.RenewAtAsync() > world.Sandbox.Clock.GetUtcNow());
        Assert.Equal("RENEWED", await world.LeasePropertyAsync(TokenRenewalLoop.Status));

        // And what the loop wrote is what up would write: no drift, and preview says when it renews next
        var preview = await world.Sandbox.Cli("preview", "--expect-no-changes");
        Expect.Exit(ExitCodes.Success, preview);
        Assert.Contains("SPACELIFT_TOKEN renews itself in Port: next at", preview.Output, StringComparison.Ordinal);

        // And a trigger run through Port's API reaches Spacelift with the token Port renewed
        var trigger = await world.TriggerAsync();
        Assert.Equal("SUCCESS", trigger["status"]!.GetValue<string>());
        Assert.NotNull(trigger["response"]!["data"]!["runTrigger"]!["id"]);

        // And up leaves the renewed token alone
        var token = world.Sandbox.TokenSecret();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        Assert.Equal(token, world.Sandbox.TokenSecret());
    }

    [Fact]
    public async Task WithTheLoopTurnedOffTheSameTriggerFailsOnceTheTokenExpired()
    {
        await using var world = await RenewalSandbox.StartAsync();
        world.Sandbox.Config["infra:tokenRenewalLoop"] = "false";
        world.Sandbox.WriteStackFile();
        var up = await world.Sandbox.Cli("up", "--yes", "--json");
        Expect.Exit(ExitCodes.Success, up);
        Assert.DoesNotContain(world.Loop.Blueprint, up.Output, StringComparison.Ordinal);

        await world.PassAsync(TimeSpan.FromHours(6));

        // Spacelift answers an expired token with HTTP 200 and errors, which Port marks SUCCESS.
        var trigger = await world.TriggerAsync();
        Assert.Null(trigger["response"]?["data"]?["runTrigger"]);
        Assert.Contains("unauthorized", trigger["response"]!["errors"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARefusedKeyStopsTheLoopAfterOneFailedRenewalPreviewAndVerifySaySoAndUpStartsItAgain()
    {
        // Given a running loop, and the API key rotated in Spacelift: the old one, which Port's secrets hold, is deleted
        await using var world = await RenewalSandbox.StartAsync();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        var tokens = world.Sandbox.Emulators.Spacelift.Tokens;
        tokens.AddApiKey(NewKeyId, NewKeySecret);
        Assert.True(tokens.RevokeApiKey(world.Sandbox.Emulators.Options.SpaceliftKeyId, endIssuedTokens: false));

        // When three token lifetimes pass
        await world.PassAsync(TimeSpan.FromHours(3));

        // Then one renewal failed, the lease says why, and no timer was set again
        var renewals = await world.RunsAsync(world.Loop.Renew);
        Assert.Single(renewals);
        Assert.Single(await world.RunsAsync(world.Loop.Failed));
        Assert.Empty(await world.RunsAsync(world.Loop.Store));
        Assert.Empty(await world.RunsAsync(world.Loop.Rearm));
        Assert.Equal("FAILED", await world.LeasePropertyAsync(TokenRenewalLoop.Status));
        var reason = await world.LeasePropertyAsync(TokenRenewalLoop.Error);
        Assert.True(await world.RenewAtAsync() < world.Sandbox.Clock.GetUtcNow());

        // And verify names the stopped loop with its own exit code
        var verify = await world.Sandbox.Cli("verify", "--json");
        Expect.Exit(ExitCodes.VerifyRenewal, verify);
        Assert.Contains("the token's renewal loop broke at spacelift_token_renew: the loop has stopped", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(reason, verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("renewal", Sandbox.Json(verify)["brokenLink"]!.GetValue<string>());

        // And, with the new key in the stack's configuration, preview says so in one line and up starts it again
        world.Sandbox.Config["spacelift:apiKeyId"] = NewKeyId;
        world.Sandbox.Config["spacelift:apiKeySecret"] = NewKeySecret;
        world.Sandbox.WriteStackFile();
        var preview = await world.Sandbox.Cli("preview");
        Expect.Exit(ExitCodes.Success, preview);
        var stopped = preview.Output.Split('\n').Where(l => l.Contains("SPACELIFT_TOKEN has stopped", StringComparison.Ordinal)).ToList();
        Assert.Single(stopped);
        Assert.Contains("its last renewal failed (" + reason, stopped[0], StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        Assert.Equal("RENEWED", await world.LeasePropertyAsync(TokenRenewalLoop.Status));
        Assert.True(await world.RenewAtAsync() > world.Sandbox.Clock.GetUtcNow());

        await world.PassAsync(TimeSpan.FromHours(2));
        Assert.True((await world.RunsAsync(world.Loop.Store)).Count >= 2);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task SpaceliftDownAtTheRenewalFailsItsRunStopsTheLoopAndVerifyAndPreviewSaySo()
    {
        await using var world = await RenewalSandbox.StartAsync();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        var renewAt = await world.RenewAtAsync();

        // Spacelift's token exchange answers 503 while the timer fires, and is back right after.
        world.Sandbox.Emulators.Faults.Configure("spacelift.auth:503=1", 1);
        await world.PassAsync(renewAt - world.Sandbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        world.Sandbox.Emulators.Faults.Configure(null, 1);
        await world.PassAsync(TimeSpan.FromHours(2));

        // The run itself failed, the lease says why, and no timer was set again: one renewal in three hours.
        var run = Assert.Single(await world.RunsAsync(world.Loop.Renew))!;
        Assert.Equal("FAILURE", run["status"]!.GetValue<string>());
        Assert.Empty(await world.RunsAsync(world.Loop.Store));
        Assert.Equal("FAILED", await world.LeasePropertyAsync(TokenRenewalLoop.Status));
        var reason = await world.LeasePropertyAsync(TokenRenewalLoop.Error);
        Assert.Contains("503", reason, StringComparison.Ordinal);
        var preview = await world.Sandbox.Cli("preview");
        Expect.Exit(ExitCodes.Success, preview);
        Assert.Single(preview.Output.Split('\n'), l => l.Contains("the self-renewing SPACELIFT_TOKEN has stopped: its last renewal failed", StringComparison.Ordinal));
        var verify = await world.Sandbox.Cli("verify");
        Expect.Exit(ExitCodes.VerifyRenewal, verify);
        Assert.Contains($"the loop has stopped: its last renewal failed ({reason}", verify.ErrorLines[0], StringComparison.Ordinal);

        // Spacelift back, verify's own click on the refresh button set the timer again from the token it
        // wrote (as any click does), and the loop renews alone from there.
        Assert.Equal("RENEWED", await world.LeasePropertyAsync(TokenRenewalLoop.Status));
        Assert.True(await world.RenewAtAsync() > world.Sandbox.Clock.GetUtcNow());
        await world.PassAsync(TimeSpan.FromHours(2));
        Assert.True((await world.RunsAsync(world.Loop.Store)).Count >= 2);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task VerifyForcesARenewalAndTheButtonKeepsTheTimerInStep()
    {
        await using var world = await RenewalSandbox.StartAsync();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        var renewAt = await world.RenewAtAsync();
        var minted = world.Sandbox.TokenSecret();

        var verify = await world.Sandbox.Cli("verify", "--trigger", world.Sandbox.StackIds()[0], "--json");

        Expect.Exit(ExitCodes.Success, verify);
        var steps = Sandbox.Json(verify)["steps"]!.AsArray();
        Assert.Equal(["permissions", "renewal", "trigger", "refresh", "automation"], steps.Select(s => s!["name"]!.GetValue<string>()));
        Assert.All(steps, s => Assert.Equal("passed", s!["status"]!.GetValue<string>()));
        Assert.Contains("timer brought forward from", steps[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var renewal = Assert.Single(await world.RunsAsync(world.Loop.Renew));
        // The trigger ran on the token the loop wrote, before the button replaced it.
        var renewed = renewal!["response"]!["data"]!["apiKeyUser"]!["jwt"]!.GetValue<string>();
        Assert.Equal(renewed, Assert.Single(world.Sandbox.Emulators.Spacelift.Runs.All()).Token);
        Assert.NotEqual(renewed, world.Sandbox.TokenSecret());
        Assert.Single(await world.RunsAsync(world.Loop.RefreshRearm));
        Assert.NotEqual(minted, world.Sandbox.TokenSecret());
        Assert.True(await world.RenewAtAsync() >= renewAt);
        Assert.DoesNotContain(world.Sandbox.TokenSecret()!, verify.All, StringComparison.Ordinal);

        // The button's refresh set the timer from the token it wrote, so Port and the declarations agree
        // (the trigger's Spacelift run changed only that stack's state).
        var preview = await world.Sandbox.Cli("preview", "--json");
        Expect.Exit(ExitCodes.Success, preview);
        var changed = Sandbox.Json(preview)["steps"]!.AsArray().Where(s => s!["op"]!.GetValue<string>() != "same").Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal([world.Sandbox.StackIds()[0]], changed);
    }

    [Fact]
    public async Task ARenewalThatNeverFiresBreaksTheRenewalLinkAndVerifyPutsTheTimerBack()
    {
        await using var world = await RenewalSandbox.StartAsync();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        var renewAt = await world.LeasePropertyAsync(TokenRenewalLoop.Timer);
        using (var api = world.Sandbox.PortApi())
        {
            // Edited in Port's UI to watch a property the lease does not have: the timer fires nothing.
            await VerifyTests.EditActionAsync(api, world.Loop.Renew, a => a["trigger"]!["event"]!["propertyIdentifier"] = "renew_later");
        }

        var verify = await world.Sandbox.Cli("verify", "--timeout", "3");

        Expect.Exit(ExitCodes.VerifyRenewal, verify);
        Assert.Contains("but no run of spacelift_token_renew started within 3 s: Port did not fire the timer", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains($"the timer is back at {renewAt}", verify.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(await world.RunsAsync(world.Loop.Renew));
        // The refresh verify ran next set the timer from the token it wrote: armed ahead, and the edit is the only drift.
        Assert.True(await world.RenewAtAsync() > world.Sandbox.Clock.GetUtcNow());
        var preview = await world.Sandbox.Cli("preview", "--json");
        Assert.Equal([world.Loop.Renew], Sandbox.Json(preview)["steps"]!.AsArray().Where(s => s!["op"]!.GetValue<string>() != "same").Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ADisabledRenewalBreaksTheRenewalLinkAtOnce()
    {
        await using var world = await RenewalSandbox.StartAsync();
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        using (var api = world.Sandbox.PortApi())
        {
            await VerifyTests.EditActionAsync(api, world.Loop.Renew, a => a["publish"] = false);
        }

        var verify = await world.Sandbox.Cli("verify");

        Expect.Exit(ExitCodes.VerifyRenewal, verify);
        Assert.Contains("spacelift_token_renew is disabled in Port (publish: false)", verify.ErrorLines[0], StringComparison.Ordinal);
    }

    private const string NewKeyId = "01NEWKEYNEWKEYNEWKEYNEWKEY";
    private const string NewKeySecret = "rotated-secret";
}
