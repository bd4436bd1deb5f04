using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Benchmarks.Runs;

/// <summary>
/// What the guide's Python script does, request for request: an API-key token from Spacelift, ONE unpaged
/// <c>stacks</c> query, a Port token, then one <c>POST .../entities?upsert=true</c> per stack, sequentially,
/// each request on a NEW HttpClient and connection (the script opens an <c>httpx.AsyncClient()</c> per call).
/// Unlike the script it does not stop at the first rejected entity: it counts rejections so timing stays comparable.
/// </summary>
public sealed class NaiveBaseline(Uri portUrl, Uri spaceliftUrl)
{
    private const string TokenMutation = """
        mutation GetSpaceliftToken($apiKeyId: ID!, $apiKeySecret: String!) {
          apiKeyUser(id: $apiKeyId, secret: $apiKeySecret) {
            jwt
          }
        }
        """;

    private const string ListStackQuery = """
        {
          stacks {
            id
            name
            space
            administrative
            state
            description
            repository
            repositoryURL
            provider
            labels
            branch
            namespace
            entityCount
          }
        }
        """;

    private Uri GraphQl => new(spaceliftUrl, "graphql");

    /// <summary>Creates the baseline's blueprint, as the guide has the user do by hand before running the script (not timed).</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var token = await PortTokenAsync(cancellationToken).ConfigureAwait(false);
        using var response = await SendAsync(HttpMethod.Post, new Uri(portUrl, "v1/blueprints"), GuideBlueprint.Create(), token, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"the baseline's blueprint was refused: HTTP {(int)response.StatusCode}");
        }
    }

    /// <returns>The time paid once, the average time per upserted stack, how many stacks were measured, and how many Port rejected.</returns>
    public async Task<(TimeSpan Fixed, TimeSpan PerStack, int MeasuredOn, int Rejected)> RunAsync(int sampleMax, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var jwt = await SpaceliftTokenAsync(cancellationToken).ConfigureAwait(false);
        var stacks = await StacksAsync(jwt, cancellationToken).ConfigureAwait(false);
        var portToken = await PortTokenAsync(cancellationToken).ConfigureAwait(false);
        var fixedPart = clock.Elapsed;

        var sample = stacks.Take(sampleMax).ToArray();
        var rejected = 0;
        clock.Restart();
        foreach (var stack in sample)
        {
            var url = new Uri(portUrl, $"v1/blueprints/{GuideBlueprint.Identifier}/entities?upsert=true");
            using var response = await SendAsync(HttpMethod.Post, url, Entity(stack), portToken, cancellationToken).ConfigureAwait(false);
            rejected += response.IsSuccessStatusCode ? 0 : 1;
        }

        var perStack = sample.Length == 0 ? TimeSpan.Zero : clock.Elapsed / sample.Length;
        return (fixedPart, perStack, sample.Length, rejected);
    }

    /// <summary>The script's entity: raw Spacelift values, no <c>link</c>.</summary>
    private static JsonObject Entity(JsonObject stack) => new()
    {
        ["identifier"] = stack["id"]?.DeepClone(),
        ["title"] = stack["name"]?.DeepClone(),
        ["properties"] = new JsonObject
        {
            ["space"] = stack["space"]?.DeepClone(),
            ["label"] = stack["labels"]?.DeepClone(),
            ["description"] = stack["description"]?.DeepClone(),
            ["repository"] = stack["repository"]?.DeepClone(),
            ["state"] = stack["state"]?.DeepClone(),
            ["git_provider"] = stack["provider"]?.DeepClone(),
            ["branch"] = stack["branch"]?.DeepClone(),
        },
        ["relations"] = new JsonObject(),
    };

    private async Task<string> SpaceliftTokenAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["query"] = TokenMutation,
            ["variables"] = new JsonObject
            {
                ["apiKeyId"] = ProductDriver.EmulatorSpaceliftKeyId,
                ["apiKeySecret"] = ProductDriver.EmulatorSpaceliftSecret,
            },
        };
        var answer = await PostForJsonAsync(GraphQl, body, bearer: null, cancellationToken).ConfigureAwait(false);
        return answer["data"]?["apiKeyUser"]?["jwt"]?.GetValue<string>()
            ?? throw new InvalidOperationException("the Spacelift emulator returned no jwt to the baseline");
    }

    private async Task<IReadOnlyList<JsonObject>> StacksAsync(string jwt, CancellationToken cancellationToken)
    {
        var answer = await PostForJsonAsync(GraphQl, new JsonObject { ["query"] = ListStackQuery }, jwt, cancellationToken).ConfigureAwait(false);
        return answer["data"]?["stacks"]?.AsArray().OfType<JsonObject>().ToArray()
            ?? throw new InvalidOperationException("the Spacelift emulator returned no stacks to the baseline");
    }

    private async Task<string> PortTokenAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["clientId"] = ProductDriver.EmulatorPortClientId, ["clientSecret"] = ProductDriver.EmulatorPortSecret };
        var answer = await PostForJsonAsync(new Uri(portUrl, "v1/auth/access_token"), body, bearer: null, cancellationToken).ConfigureAwait(false);
        return answer["accessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException("the Port emulator returned no access token to the baseline");
    }

    private static async Task<JsonNode> PostForJsonAsync(Uri url, JsonObject body, string? bearer, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, url, body, bearer, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"empty answer from {url.AbsolutePath}");
    }

    /// <summary>One request on a brand-new client and connection, buffered and disposed like the script's <c>async with</c>.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, JsonObject body, string? bearer, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
