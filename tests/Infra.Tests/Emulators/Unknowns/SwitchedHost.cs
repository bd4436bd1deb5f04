using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Tests.Emulators.Spacelift;

namespace Infra.Tests.Emulators.Unknowns;

/// <summary>Both emulators started through <see cref="EmulatorHost"/> with the switches under test, and a client for each.</summary>
internal sealed class SwitchedHost : IAsyncDisposable
{
    private readonly HttpClient _port;

    private SwitchedHost(EmulatorHost host)
    {
        Host = host;
        _port = new HttpClient { BaseAddress = host.PortUrl, Timeout = TimeSpan.FromSeconds(30) };
        Spacelift = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
    }

    public EmulatorHost Host { get; }

    public GraphQLTestClient Spacelift { get; }

    public static async Task<SwitchedHost> StartAsync(EmulatorOptions options)
    {
        var host = new SwitchedHost(await EmulatorHost.StartAsync(options));
        var (status, token) = await host.PortAsync(HttpMethod.Post, "/v1/auth/access_token", new JsonObject { ["clientId"] = "emulator", ["clientSecret"] = "emulator" });
        Assert.Equal(HttpStatusCode.OK, status);
        host._port.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        return host;
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PortAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _port.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        _port.Dispose();
        Spacelift.Dispose();
        await Host.DisposeAsync();
    }
}
