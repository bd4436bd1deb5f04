using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>Posts GraphQL documents to the emulator the way a client does, and returns the raw response.</summary>
internal sealed class GraphQLTestClient(Uri graphQLUrl) : IDisposable
{
    public const string KeyId = "01EMULATOREMULATOREMULATOR";
    public const string KeySecret = "emulator";
    public const string SpacectlTokenMutation = "mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt,validUntil}}";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = JsonSerializer.SerializeToNode(variables);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, graphQLUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, text);
    }

    public async Task<string> MintTokenAsync(string keyId = KeyId, string secret = KeySecret)
    {
        var response = await PostAsync(SpacectlTokenMutation, new { id = keyId, secret });
        return response.Data.GetProperty("apiKeyUser").GetProperty("jwt").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A GraphQL response: status, raw text, and the parsed <c>data</c>/<c>errors</c>.</summary>
internal sealed record GraphQLResponse(int Status, string Text)
{
    public JsonElement Root => JsonDocument.Parse(Text).RootElement;

    public JsonElement Data => Root.GetProperty("data");

    public bool HasErrors => Root.TryGetProperty("errors", out _);

    public IReadOnlyList<string> ErrorMessages => HasErrors
        ? Root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToArray()
        : [];

    /// <summary>Fails the test with the body when the response carries errors.</summary>
    public GraphQLResponse AssertOk()
    {
        Assert.True(Status == 200 && !HasErrors, Text);
        return this;
    }
}
