using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Port;
using Microsoft.AspNetCore.Builder;

namespace Infra.Tests.Emulators.Port;

/// <summary>The Port emulator on 127.0.0.1 (a free port), with a client that speaks its JSON envelopes.</summary>
internal sealed class PortTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _webhooks;

    private PortTestHost(WebApplication app, PortEmulator emulator, HttpClient webhooks, Uri baseUrl)
    {
        _app = app;
        Emulator = emulator;
        _webhooks = webhooks;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public PortEmulator Emulator { get; }

    public Uri BaseUrl { get; }

    /// <summary>A client without credentials; <see cref="LoginAsync"/> adds the bearer token.</summary>
    public HttpClient Http { get; }

    public static async Task<PortTestHost> StartAsync(PortEmulatorOptions? options = null, bool login = true)
    {
        var webhooks = new HttpClient();
        var emulator = new PortEmulator(options ?? new PortEmulatorOptions(), webhooks);
        var app = await LocalApp.StartAsync(emulator.Configure);
        var baseUrl = LocalApp.Address(app);
        emulator.PublicBaseUrl = baseUrl;
        var host = new PortTestHost(app, emulator, webhooks, baseUrl);
        if (login)
        {
            await host.LoginAsync();
        }

        return host;
    }

    public async Task LoginAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/auth/access_token", new JsonObject { ["clientId"] = "emulator", ["clientSecret"] = "emulator" });
        Assert.Equal(HttpStatusCode.OK, status);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
    }

    public Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
        => SendRawAsync(method, path, body?.ToJsonString());

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendRawAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>Creates a blueprint and asserts it was created.</summary>
    public async Task CreateBlueprintAsync(JsonObject blueprint)
    {
        var (status, body) = await PostAsync("/v1/blueprints", blueprint);
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        await _app.DisposeAsync();
        _webhooks.Dispose();
    }
}
