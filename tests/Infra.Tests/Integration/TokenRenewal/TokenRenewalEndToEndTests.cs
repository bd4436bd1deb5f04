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
}
