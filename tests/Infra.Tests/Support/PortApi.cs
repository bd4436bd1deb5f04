using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Infra.Tests.Support;

/// <summary>Someone editing the Port organisation by hand, through the emulator's REST API.</summary>
internal sealed class PortApi(Uri baseUrl, string clientId, string clientSecret) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    private string? _token;

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        _token ??= (await SendCoreAsync(HttpMethod.Post, "v1/auth/access_token", new JsonObject { ["clientId"] = clientId, ["clientSecret"] = clientSecret }, null))!["accessToken"]!.GetValue<string>();
        return await SendCoreAsync(method, path, body, _token);
    }

    /// <summary>Like <see cref="SendAsync"/>, but answers the status and body instead of throwing on a refusal.</summary>
    public async Task<(int Status, JsonNode? Body)> TryAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        _token ??= (await SendCoreAsync(HttpMethod.Post, "v1/auth/access_token", new JsonObject { ["clientId"] = clientId, ["clientSecret"] = clientSecret }, null))!["accessToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendCoreAsync(HttpMethod method, string path, JsonNode? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
