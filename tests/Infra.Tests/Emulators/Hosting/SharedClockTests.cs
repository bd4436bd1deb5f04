using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Tests.Emulators.Spacelift;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>Both emulators run on the host's one clock, at the speed asked for.</summary>
public sealed class SharedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public async Task PortAndSpaceliftReadTheSameClockAtItsSpeed(double speed)
    {
        var real = new FakeTimeProvider(Start);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, Time = real, ClockSpeed = speed, TokenLifetime = TimeSpan.FromHours(1) });
        using var graphQL = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        using var port = new HttpClient { BaseAddress = host.PortUrl };

        real.Advance(TimeSpan.FromSeconds(10));
        var minted = (await graphQL.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = GraphQLTestClient.KeySecret })).AssertOk();
        var login = await (await port.PostAsJsonAsync("/v1/auth/access_token", new { clientId = "emulator", clientSecret = "emulator" })).Content.ReadFromJsonAsync<JsonObject>();
        port.DefaultRequestHeaders.Authorization = new("Bearer", login!["accessToken"]!.GetValue<string>());
        var created = await (await port.PostAsJsonAsync("/v1/blueprints", new { identifier = "clocked", title = "Clocked", schema = new { properties = new { } } })).Content.ReadFromJsonAsync<JsonObject>();

        var now = Start + TimeSpan.FromSeconds(10 * speed);
        Assert.Equal(now, host.Clock.GetUtcNow());
        Assert.Equal((now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(), minted.Data.GetProperty("apiKeyUser").GetProperty("validUntil").GetInt64());
        Assert.Equal(now, DateTimeOffset.Parse(created!["blueprint"]!["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(speed == 1 ? typeof(FakeTimeProvider) : typeof(global::Emulators.Clock.ScaledTimeProvider), host.Clock.GetType());
    }

    [Fact]
    public async Task AClockSpeedOutOfRangeIsAUsageError()
    {
        var error = await Assert.ThrowsAsync<EmulatorUsageException>(() => EmulatorHost.StartAsync(new EmulatorOptions { ClockSpeed = 0.5 }));

        Assert.StartsWith("--clock-speed", error.Message, StringComparison.Ordinal);
    }
}
