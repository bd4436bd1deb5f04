using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Tests.Emulators.Port;
using Infra.Tests.Emulators.Spacelift;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.RenewalLoop;

/// <summary>
/// Both emulators on 127.0.0.1 with one-hour Spacelift tokens, set up the way a program would: the guide's
/// blueprint, a stack entity, the guide's trigger action and the Spacelift secrets, then (<see cref="UpAsync"/>)
/// a minted token in <c>SPACELIFT_TOKEN</c> and the renewal loop of <see cref="RenewalLoopBodies"/>.
/// Everything goes through the emulators' HTTP APIs; the Port client logs in again when its token expires
/// on the emulators' clock.
/// </summary>
internal sealed class RenewalWorld : IAsyncDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    private readonly HttpClient _port;

    private RenewalWorld(EmulatorHost host, FakeTimeProvider? clock, EmulatorEntity stack, TimeSpan margin)
    {
        Host = host;
        Margin = margin;
        Clock = clock;
        Stack = stack;
        _port = new HttpClient { BaseAddress = host.PortUrl, Timeout = TimeSpan.FromSeconds(30) };
        GraphQL = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
    }

    public EmulatorHost Host { get; }

    /// <summary>How long before a token's <c>validUntil</c> the loop renews it.</summary>
    public TimeSpan Margin { get; }

    /// <summary>The fake clock under the emulators, or null when they run on the real one (fast).</summary>
    public FakeTimeProvider? Clock { get; }

    public GraphQLTestClient GraphQL { get; }

    public EmulatorEntity Stack { get; }

    /// <param name="options">Switches of the emulators; its token lifetime is the loop's (default one hour here).</param>
    /// <param name="fakeClock">False: the emulators run on the real clock (at <see cref="EmulatorOptions.ClockSpeed"/>).</param>
    public static async Task<RenewalWorld> StartAsync(EmulatorOptions? options = null, bool fakeClock = true, TimeSpan? margin = null)
    {
        var clock = fakeClock ? new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)) : null;
        options ??= new EmulatorOptions { TokenLifetime = TimeSpan.FromHours(1) };
        var host = await EmulatorHost.StartAsync(options with { Stacks = 2, Time = clock ?? options.Time });
        var stack = host.Spacelift.Stacks.All().First();
        var world = new RenewalWorld(host, clock, new EmulatorEntity(stack.Id, stack.Name), margin ?? TimeSpan.FromMinutes(5));
        await world.SeedGuideAsync();
        return world;
    }

    /// <summary>What <c>up</c> does: mints a token, stores it, declares the lease and the loop, arms the timer.</summary>
    public async Task UpAsync(RenewalLoopBodies.RearmBy rearmBy = RenewalLoopBodies.RearmBy.UpsertEntity, bool loop = true)
    {
        var minted = (await GraphQL.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = GraphQLTestClient.KeySecret })).AssertOk();
        var user = minted.Data.GetProperty("apiKeyUser");
        await PortAsync(HttpMethod.Patch, "/v1/organization/secrets/SPACELIFT_TOKEN", new JsonObject { ["secretValue"] = user.GetProperty("jwt").GetString() });
        if (!loop)
        {
            return;
        }

        await PortAsync(HttpMethod.Post, "/v1/blueprints", RenewalLoopBodies.LeaseBlueprint());
        foreach (var automation in new[]
        {
            RenewalLoopBodies.RenewAutomation(Host.SpaceliftGraphQLUrl.ToString()),
            RenewalLoopBodies.StoreAutomation(),
            RenewalLoopBodies.RearmAutomation(Margin, rearmBy),
            RenewalLoopBodies.FailedAutomation(),
        })
        {
            await PortAsync(HttpMethod.Post, "/v1/actions", automation);
        }

        var validUntil = DateTimeOffset.FromUnixTimeSeconds(user.GetProperty("validUntil").GetInt64());
        await PortAsync(HttpMethod.Post, "/v1/blueprints/spacelift_token_lease/entities", RenewalLoopBodies.LeaseEntity(validUntil, Margin));
    }

    /// <summary>Moves the fake clock and waits until every run and automation it started has finished.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock!.Advance(by);
        await SettleAsync();
    }

    public async Task SettleAsync()
    {
        using var timeout = new CancellationTokenSource(Idle);
        await Host.Port.WhenIdleAsync(timeout.Token);
    }

    public async Task<JsonObject> LeaseAsync()
        => (await PortAsync(HttpMethod.Get, $"/v1/blueprints/{RenewalLoopBodies.Blueprint}/entities/{RenewalLoopBodies.Lease}"))["entity"]!.AsObject();

    public async Task<DateTimeOffset> RenewAtAsync()
        => DateTimeOffset.Parse((await LeaseAsync())["properties"]!["renew_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The runs of an action or automation as Port lists them, newest first.</summary>
    public async Task<JsonArray> RunsAsync(string action)
        => (await PortAsync(HttpMethod.Get, $"/v1/actions/runs?action={action}"))["runs"]!.AsArray();

    public async Task<JsonArray> LogsAsync(string runId)
        => (await PortAsync(HttpMethod.Get, $"/v1/actions/runs/{runId}/logs"))["runLogs"]!.AsArray();

    /// <summary>Runs the guide's trigger through Port's API and answers the finished run.</summary>
    public async Task<JsonObject> TriggerAsync()
    {
        var started = await PortAsync(HttpMethod.Post, "/v1/actions/trigger_spacelift_stack/runs", new JsonObject { ["properties"] = new JsonObject { ["stack"] = Stack.Identifier } });
        await SettleAsync();
        return (await PortAsync(HttpMethod.Get, $"/v1/actions/runs/{started["run"]!["id"]}"))["run"]!.AsObject();
    }

    /// <summary>A Port call that must succeed (2xx), logging in again whenever the emulator's clock ended the token.</summary>
    public async Task<JsonObject> PortAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var (status, answer) = await TryPortAsync(method, path, body);
        Assert.True(status is >= 200 and < 300, $"{method} {path}: {status} {answer.ToJsonString()}");
        return answer;
    }

    public async Task<(int Status, JsonObject Body)> TryPortAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await _port.SendAsync(request);
            if ((int)response.StatusCode == 401 && attempt == 0)
            {
                await LoginAsync();
                continue;
            }

            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _port.Dispose();
        GraphQL.Dispose();
        await Host.DisposeAsync();
    }

    private async Task LoginAsync()
    {
        var login = await _port.PostAsJsonAsync("/v1/auth/access_token", new { clientId = "emulator", clientSecret = "emulator" });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        _port.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task SeedGuideAsync()
    {
        await PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint());
        await PortAsync(HttpMethod.Post, "/v1/blueprints/space_lift_stack/entities", new JsonObject { ["identifier"] = Stack.Identifier, ["title"] = Stack.Title });
        foreach (var (name, value) in new[] { ("SPACELIFT_API_KEY_ID", GraphQLTestClient.KeyId), ("SPACELIFT_API_KEY_SECRET", GraphQLTestClient.KeySecret), ("SPACELIFT_TOKEN", "none-yet") })
        {
            await PortAsync(HttpMethod.Post, "/v1/organization/secrets", GuideResources.Secret(name, value));
        }

        await PortAsync(HttpMethod.Post, "/v1/actions", GuideResources.TriggerAction(Host.SpaceliftGraphQLUrl.ToString()));
    }

    internal sealed record EmulatorEntity(string Identifier, string Title);
}
