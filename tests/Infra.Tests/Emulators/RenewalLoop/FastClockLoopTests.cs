using System.Diagnostics;
using System.Text.Json;
using Emulators.Hosting;
using static Infra.Tests.Emulators.RenewalLoop.RenewalLoopBodies;

namespace Infra.Tests.Emulators.RenewalLoop;

/// <summary>
/// The loop on the real clock run 600 times faster (what the demo uses): ten-minute tokens last one real
/// second, so several renewals pass in a few seconds with nothing driving the clock.
/// </summary>
public sealed class FastClockLoopTests
{
    [Fact]
    public async Task OnAFastClockTheLoopRenewsAloneAndTheTriggerStillWorks()
    {
        await using var world = await RenewalWorld.StartAsync(
            new EmulatorOptions { ClockSpeed = 600, TokenLifetime = TimeSpan.FromMinutes(10) }, fakeClock: false, margin: TimeSpan.FromMinutes(2));
        await world.UpAsync();
        var firstToken = world.Host.Port.SecretValue("SPACELIFT_TOKEN")!;

        // Four renewals take about 3.2 real seconds (one each 8 emulated minutes); give them 30
        var deadline = Stopwatch.StartNew();
        while ((await world.RunsAsync(Renew)).Count < 4 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        await world.SettleAsync();
        var renewals = await world.RunsAsync(Renew);
        Assert.True(renewals.Count >= 4, $"{renewals.Count} renewals in {deadline.Elapsed}");
        Assert.All(renewals, run => Assert.Equal("SUCCESS", run!["status"]!.GetValue<string>()));
        Assert.Empty(await world.RunsAsync(Failed));
        Assert.True(await world.RenewAtAsync() > world.Host.Clock.GetUtcNow());
        Assert.NotNull((await world.TriggerAsync())["response"]!["data"]!["runTrigger"]!["id"]);
        Assert.NotEqual(JsonValueKind.Object, (await world.GraphQL.PostAsync("{ viewer { id } }", token: firstToken)).Data.GetProperty("viewer").ValueKind);
    }
}
