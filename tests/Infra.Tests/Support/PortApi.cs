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
        => Parse(await SuccessAsync(method, path, body, await TokenAsync()));

    /// <summary>Like <see cref="SendAsync"/>, but answers the status and body instead of throwing on a refusal.</summary>
    public async Task<(int Status, JsonNode? Body)> TryAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var (status, text) = await ExchangeAsync(method, path, body, await TokenAsync());
        return (status, Parse(text));
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync()
        => _token ??= Parse(await SuccessAsync(HttpMethod.Post, "v1/auth/access_token", new JsonObject { ["clientId"] = clientId, ["clientSecret"] = clientSecret }, null))!["accessToken"]!.GetValue<string>();

    private async Task<string> SuccessAsync(HttpMethod method, string path, JsonNode? body, string? token)
    {
        var (status, text) = await ExchangeAsync(method, path, body, token);
        return status is >= 200 and < 300 ? text : throw new HttpRequestException($"{method} {path}: {status} {text}");
    }

    private async Task<(int Status, string Text)> ExchangeAsync(HttpMethod method, string path, JsonNode? body, string? token)
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
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonNode? Parse(string text) => text.Length == 0 ? null : JsonNode.Parse(text);
}
