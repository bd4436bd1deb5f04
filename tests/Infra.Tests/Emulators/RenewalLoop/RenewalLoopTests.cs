using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Runs;
using Emulators.Port.Timers;
using Infra.Tests.Emulators.Spacelift;
using static Infra.Tests.Emulators.RenewalLoop.RenewalLoopBodies;

namespace Infra.Tests.Emulators.RenewalLoop;

/// <summary>
/// The self-renewing token on both emulators over HTTP, on a fake clock: the loop of
/// <see cref="RenewalLoopBodies"/> keeps <c>SPACELIFT_TOKEN</c> valid for many token lifetimes with
/// nothing else running, so the guide's trigger still works at the end; a refused key or Spacelift
/// down stops it after one failed renewal, which the run and the lease show.
/// </summary>
public sealed class RenewalLoopTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(RearmBy.UpsertEntity)]
    [InlineData(RearmBy.PortApiWebhook)]
    public async Task TheTokenRenewsItselfForSixLifetimesAndTheTriggerStillWorks(RearmBy rearmBy)
    {
        // Given up has minted a token valid for one hour and declared the loop
        await using var world = await RenewalWorld.StartAsync();
        await world.UpAsync(rearmBy);
        var firstToken = world.Host.Port.SecretValue("SPACELIFT_TOKEN")!;
        var tokens = new List<string> { firstToken };

        // When six renewals come due with nothing else running
        for (var renewal = 1; renewal <= 6; renewal++)
        {
            var renewAt = await world.RenewAtAsync();
            await world.AdvanceAsync(renewAt - world.Clock!.GetUtcNow() - Second);
            Assert.Equal(renewal - 1, (await world.RunsAsync(Renew)).Count);

            await world.AdvanceAsync(2 * Second);

            // Then each renewal stored a new token and set the timer a token lifetime later
            var runs = await world.RunsAsync(Renew);
            Assert.Equal(renewal, runs.Count);
            Assert.Equal("SUCCESS", runs[0]!["status"]!.GetValue<string>());
            Assert.Equal("AUTOMATION", runs[0]!["source"]!.GetValue<string>());
            var token = world.Host.Port.SecretValue("SPACELIFT_TOKEN")!;
            Assert.DoesNotContain(token, tokens);
            tokens.Add(token);
            var lease = await world.LeaseAsync();
            Assert.Equal("RENEWED", lease["properties"]!["renewal_status"]!.GetValue<string>());
            var next = await world.RenewAtAsync();
            Assert.InRange(next - renewAt, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(55) + (3 * Second));
        }

        // And the trigger, run through Port's API after six lifetimes, reaches Spacelift with a valid token
        var trigger = await world.TriggerAsync();
        Assert.Equal("SUCCESS", trigger["status"]!.GetValue<string>());
        Assert.False(trigger["response"]!.AsObject().ContainsKey("errors"), trigger["response"]!.ToJsonString());
        Assert.NotNull(trigger["response"]!["data"]!["runTrigger"]!["id"]);
        Assert.False((await world.GraphQL.PostAsync("{ viewer { id } }", token: firstToken)).Data.GetProperty("viewer").ValueKind == System.Text.Json.JsonValueKind.Object);
        foreach (var automation in new[] { Store, Rearm })
        {
            var runs = await world.RunsAsync(automation);
            Assert.Equal(6, runs.Count);
            Assert.All(runs, run => Assert.Equal("SUCCESS", run!["status"]!.GetValue<string>()));
        }

        Assert.Empty(await world.RunsAsync(Failed));
        Assert.Equal("Spacelift API token, renewed by spacelift_token_renew", world.Host.Port.SecretMetadata("SPACELIFT_TOKEN")!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutTheLoopTheSameTriggerFailsOnceTheTokenExpired()
    {
        await using var world = await RenewalWorld.StartAsync();
        await world.UpAsync(loop: false);

        await world.AdvanceAsync(TimeSpan.FromHours(1) + Second);
        var trigger = await world.TriggerAsync();

        // Port marks the run SUCCESS (Spacelift answers HTTP 200) but Spacelift refused the token
        Assert.Null(trigger["response"]!["data"]);
        Assert.Contains("unauthorized", trigger["response"]!["errors"]![0]!["message"]!.GetValue<string>());
    }

    public static TheoryData<string, UpsertEntityUpdate, TimerAfterExpiry> Refusals => new()
    {
        { "revoked", UpsertEntityUpdate.Merge, TimerAfterExpiry.Keep },
        { "revoked", UpsertEntityUpdate.Replace, TimerAfterExpiry.Keep },
        { "revoked", UpsertEntityUpdate.Merge, TimerAfterExpiry.Clear },
        { "secret rotated", UpsertEntityUpdate.Merge, TimerAfterExpiry.Keep },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusedKeyStopsTheLoopAfterOneFailedRenewalThatPortShows(string refusal, UpsertEntityUpdate upsert, TimerAfterExpiry afterExpiry)
    {
        // Given the loop has renewed once
        await using var world = await RenewalWorld.StartAsync(new EmulatorOptions
        {
            TokenLifetime = TimeSpan.FromHours(1), PortUpsertEntityUpdate = upsert, PortTimerAfterExpiry = afterExpiry,
        });
        await world.UpAsync();
        await world.AdvanceAsync(await world.RenewAtAsync() - world.Clock!.GetUtcNow() + Second);
        var lastGoodToken = world.Host.Port.SecretValue("SPACELIFT_TOKEN");
        var failingRenewal = await world.RenewAtAsync();

        // When the API key is revoked (or its secret changed) in Spacelift, and the next renewal comes due
        if (refusal == "revoked")
        {
            Assert.True(world.Host.Spacelift.Tokens.RevokeApiKey(GraphQLTestClient.KeyId, endIssuedTokens: false));
        }
        else
        {
            world.Host.Spacelift.Tokens.AddApiKey(GraphQLTestClient.KeyId, "a-new-secret");
        }

        await world.AdvanceAsync(failingRenewal - world.Clock.GetUtcNow() + Second);

        // Then the renewal's run shows Spacelift's answer, the lease says FAILED with the reason, the token is kept
        var renewals = await world.RunsAsync(Renew);
        Assert.Equal(2, renewals.Count);
        var failed = renewals[0]!;
        Assert.Equal("SUCCESS", failed["status"]!.GetValue<string>()); // HTTP 200: Port marks a synchronized webhook by its status code
        Assert.Null(failed["response"]!["data"]!["apiKeyUser"]);
        var lease = await world.LeaseAsync();
        Assert.Equal("FAILED", lease["properties"]!["renewal_status"]!.GetValue<string>());
        var reason = lease["properties"]!["renewal_error"]!.GetValue<string>();
        Assert.Equal(refusal == "revoked" ? "Spacelift answered no token" : "unauthorized", reason);
        Assert.Equal(lastGoodToken, world.Host.Port.SecretValue("SPACELIFT_TOKEN"));
        Assert.Single(await world.RunsAsync(Store));
        Assert.Single(await world.RunsAsync(Rearm));
        Assert.Equal("SUCCESS", Assert.Single(await world.RunsAsync(Failed))!["status"]!.GetValue<string>());

        // And the timer is not armed again: nothing more runs for three more lifetimes, the timer lies in the past (or is gone)
        var renewAt = lease["properties"]!["renew_at"]?.GetValue<string>();
        if (upsert == UpsertEntityUpdate.Replace || afterExpiry == TimerAfterExpiry.Clear)
        {
            Assert.Null(renewAt);
        }
        else
        {
            Assert.Equal(failingRenewal, DateTimeOffset.Parse(renewAt!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await world.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Equal(2, (await world.RunsAsync(Renew)).Count);
        Assert.Single(await world.RunsAsync(Failed));
        var trigger = await world.TriggerAsync();
        Assert.Contains("unauthorized", trigger["response"]!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task SpaceliftDownFailsTheRenewalRunItselfAndStopsTheLoop()
    {
        await using var world = await RenewalWorld.StartAsync();
        await world.UpAsync();
        world.Host.Faults.Configure("spacelift.auth:503=1", 1); // the token exchange is the auth group

        await world.AdvanceAsync(await world.RenewAtAsync() - world.Clock!.GetUtcNow() + Second);
        world.Host.Faults.Configure(null, 1);
        await world.AdvanceAsync(TimeSpan.FromHours(2));

        var run = Assert.Single(await world.RunsAsync(Renew))!;
        Assert.Equal("FAILURE", run["status"]!.GetValue<string>());
        Assert.Equal("The webhook answered HTTP 503", run["summary"]!.GetValue<string>());
        Assert.Contains(await world.LogsAsync(run["id"]!.GetValue<string>()), log => log!["message"]!.GetValue<string>().Contains("503", StringComparison.Ordinal));
        var lease = await world.LeaseAsync();
        Assert.Equal("FAILED", lease["properties"]!["renewal_status"]!.GetValue<string>());
        Assert.Equal("The webhook answered HTTP 503", lease["properties"]!["renewal_error"]!.GetValue<string>());
        Assert.Empty(await world.RunsAsync(Store));
    }

    [Fact]
    public async Task SettingTheTimerAgainRestartsAStoppedLoop()
    {
        // Given a loop that stopped on a revoked key
        await using var world = await RenewalWorld.StartAsync();
        await world.UpAsync();
        world.Host.Spacelift.Tokens.RevokeApiKey(GraphQLTestClient.KeyId, endIssuedTokens: true);
        await world.AdvanceAsync(await world.RenewAtAsync() - world.Clock!.GetUtcNow() + Second);
        Assert.Equal("FAILED", (await world.LeaseAsync())["properties"]!["renewal_status"]!.GetValue<string>());

        // When the key is back and the timer is set again (what up does)
        world.Host.Spacelift.Tokens.AddApiKey(GraphQLTestClient.KeyId, GraphQLTestClient.KeySecret);
        var renewAt = world.Clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        await world.PortAsync(HttpMethod.Patch, $"/v1/blueprints/{RenewalLoopBodies.Blueprint}/entities/{Lease}", new JsonObject
        {
            ["properties"] = new JsonObject { ["renew_at"] = RenewalLoopBodies.Iso(renewAt) },
        });
        await world.AdvanceAsync(TimeSpan.FromMinutes(1) + Second);

        // Then the loop renews again
        Assert.Equal("RENEWED", (await world.LeaseAsync())["properties"]!["renewal_status"]!.GetValue<string>());
        Assert.True(await world.RenewAtAsync() > renewAt + TimeSpan.FromMinutes(50));
        Assert.NotNull((await world.TriggerAsync())["response"]!["data"]!["runTrigger"]!["id"]);
    }
}
