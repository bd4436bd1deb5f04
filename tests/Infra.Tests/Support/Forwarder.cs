using System.Text;

namespace Infra.Tests.Support;

/// <summary>Passes a request a <see cref="FakeHttpServer"/> received on to a real emulator, so a test can rewrite some answers only.</summary>
internal static class Forwarder
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<FakeResponse> ForwardAsync(Uri baseUrl, FakeRequest request)
    {
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(baseUrl, request.Path.TrimStart('/')));
        if (request.Headers.TryGetValue("Authorization", out var authorization))
        {
            forward.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (request.Body.Length > 0)
        {
            forward.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(forward);
        return new FakeResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString() ?? "application/json");
    }
}
