using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Stacks;
using Infra.Tests.Emulators.Port;
using Infra.Tests.Emulators.Spacelift;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.LiveUpdates;

/// <summary>
/// Both emulators on 127.0.0.1 with a fake clock, configured through their APIs the way the program
/// declares live updates: a Port webhook (B4 mapping), a Spacelift named webhook pointing at its url with
/// the same secret, and the notification policy. <see cref="SettleAsync"/> waits until deliveries and the
/// ingest are idle.
/// </summary>
internal sealed class LiveLoop : IAsyncDisposable
{
    public const string Secret = "loop-secret-0123456789";
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    private readonly HttpClient _port;

    private LiveLoop(EmulatorHost host, FakeTimeProvider clock, HttpClient port, GraphQLTestClient graphQL, string token)
    {
        Host = host;
        Clock = clock;
        _port = port;
        GraphQL = graphQL;
        Token = token;
    }

    public EmulatorHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public GraphQLTestClient GraphQL { get; }
    public string Token { get; }
    public Uri IngestUrl { get; private set; } = null!;

    /// <summary>A stack in a space that sees the root space's webhooks and policies, with an entity in Port.</summary>
    public EmulatedStack Stack { get; private set; } = null!;

    public static async Task<LiveLoop> StartAsync(bool configureSpacelift = true, string? endpoint = null, bool retryOnFailure = true, string secret = Secret)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 6, Time = clock });
        host.Spacelift.Runs.Script = RunScript.Default with { StepDuration = Step };
        host.Spacelift.Webhooks.RetryScale = 0;
        var port = new HttpClient { BaseAddress = host.PortUrl };
        var login = await port.PostAsJsonAsync("/v1/auth/access_token", new { clientId = "emulator", clientSecret = "emulator" });
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        port.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var graphQL = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var loop = new LiveLoop(host, clock, port, graphQL, await graphQL.MintTokenAsync());
        await loop.ConfigurePortAsync();
        if (configureSpacelift)
        {
            await loop.CreateNamedWebhookAsync(endpoint ?? loop.IngestUrl.ToString(), retryOnFailure, secret);
            await loop.CreatePolicyAsync(LiveUpdateBodies.PolicyBody(LiveUpdateBodies.NamedWebhookName)).ContinueWith(t => t.Result.AssertOk());
        }

        return loop;
    }

    public async Task CreateNamedWebhookAsync(string endpoint, bool retryOnFailure, string secret)
        => (await GraphQL.PostAsync(
            "mutation($input: NamedWebhooksIntegrationInput!) { namedWebhooksIntegrationCreate(input: $input) { id enabled } }",
            new { input = new { name = LiveUpdateBodies.NamedWebhookName, endpoint, space = "root", enabled = true, retryOnFailure, secret, labels = new[] { "infra-owner:test/loop" } } },
            Token)).AssertOk();

    public Task<GraphQLResponse> CreatePolicyAsync(string body, string name = LiveUpdateBodies.PolicyName, string? token = null)
        => GraphQL.PostAsync(
            "mutation($input: PolicyCreateInput!) { policyCreatev2(input: $input) { id name type space engineType } }",
            new { input = new { name, body, type = "NOTIFICATION", engineType = "REGO_V1", space = "root", labels = Array.Empty<string>() } },
            token ?? Token);

    public async Task<string> TriggerAsync(string? stackId = null, string runType = "TRACKED")
    {
        var response = (await GraphQL.PostAsync(
            "mutation($stack: ID!, $type: RunType) { runTrigger(stack: $stack, runType: $type) { id } }",
            new { stack = stackId ?? Stack.Id, type = runType },
            Token)).AssertOk();
        return response.Data.GetProperty("runTrigger").GetProperty("id").GetString()!;
    }

    public async Task<string> SpaceliftStateAsync(string? stackId = null)
    {
        var response = (await GraphQL.PostAsync("query($id: ID!) { stack(id: $id) { state } }", new { id = stackId ?? Stack.Id }, Token)).AssertOk();
        return response.Data.GetProperty("stack").GetProperty("state").GetString()!;
    }

    public async Task<string?> EntityStateAsync(string? stackId = null)
    {
        var body = await _port.GetFromJsonAsync<JsonObject>($"/v1/blueprints/space_lift_stack/entities/{stackId ?? Stack.Id}");
        return body!["entity"]!["properties"]!["state"]?.GetValue<string>();
    }

    public async Task<JsonArray> AuditAsync(string query = "")
    {
        var body = await _port.GetFromJsonAsync<JsonObject>("/v1/audit-log?webhookId=" + LiveUpdateBodies.WebhookIdentifier + query);
        return body!["audits"]!.AsArray();
    }

    /// <summary>Moves the clock one run step and waits until every event it caused has been delivered and applied.</summary>
    public async Task AdvanceAsync(TimeSpan? by = null)
    {
        Clock.Advance(by ?? Step);
        await SettleAsync();
    }

    public async Task SettleAsync()
    {
        using var timeout = new CancellationTokenSource(Idle);
        await Host.Spacelift.Webhooks.WhenIdleAsync(timeout.Token);
        await Host.Port.WhenIdleAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _port.Dispose();
        GraphQL.Dispose();
        await Host.DisposeAsync();
    }

    private async Task ConfigurePortAsync()
    {
        Stack = Host.Spacelift.Stacks.All().First(s => s.Space != "legacy");
        var blueprint = await _port.PostAsync("/v1/blueprints", Json(GuideResources.Blueprint()));
        Assert.Equal(HttpStatusCode.Created, blueprint.StatusCode);
        var entity = await _port.PostAsync("/v1/blueprints/space_lift_stack/entities", Json(new JsonObject
        {
            ["identifier"] = Stack.Id,
            ["title"] = Stack.Name,
            ["properties"] = new JsonObject { ["state"] = "NONE", ["branch"] = Stack.Branch },
        }));
        Assert.Equal(HttpStatusCode.Created, entity.StatusCode);
        var webhook = await _port.PostAsync("/v1/webhooks", Json(LiveUpdateBodies.PortWebhook(Secret)));
        var answer = (await webhook.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(webhook.StatusCode == HttpStatusCode.Created, answer.ToJsonString());
        IngestUrl = new Uri(answer["integration"]!["url"]!.GetValue<string>());
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
