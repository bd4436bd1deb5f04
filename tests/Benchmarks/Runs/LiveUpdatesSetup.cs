using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Hosting;

namespace Benchmarks.Runs;

/// <summary>
/// Configures both ends of live updates through the emulators' APIs, as the program declares them: the Port
/// webhook with the search-identifier mapping, one entity per stack, the Spacelift named webhook pointing at
/// the webhook's url with the same secret, and the notification policy for tracked runs.
/// </summary>
internal static class LiveUpdatesSetup
{
    public const string Blueprint = "space_lift_stack";
    private const string Secret = "benchmark-webhook-secret-0123456789";

    public static async Task ConfigureAsync(EmulatorHost host, IReadOnlyList<string> stackIds, CancellationToken cancellationToken)
    {
        using var port = new HttpClient { BaseAddress = host.PortUrl };
        var login = await port.PostAsJsonAsync("/v1/auth/access_token", new { clientId = host.Options.PortClientId, clientSecret = host.Options.PortClientSecret }, cancellationToken);
        var portToken = (await login.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["accessToken"]!.GetValue<string>();
        port.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portToken);

        var blueprint = GuideBlueprint.Create();
        blueprint["identifier"] = Blueprint;
        await PortAsync(port, "/v1/blueprints", blueprint, cancellationToken);
        foreach (var id in stackIds)
        {
            await PortAsync(port, $"/v1/blueprints/{Blueprint}/entities", new JsonObject { ["identifier"] = id, ["properties"] = new JsonObject { ["state"] = "NONE" } }, cancellationToken);
        }

        var webhook = await PortAsync(port, "/v1/webhooks", JsonNode.Parse("""
            {"identifier":"spacelift_stack_state","title":"Spacelift stack state","enabled":true,"integrationType":"custom",
             "security":{"secret":"SECRET","signatureHeaderName":"x-signature-256","signatureAlgorithm":"sha256","signaturePrefix":"sha256="},
             "mappings":[{"blueprint":"BLUEPRINT","operation":"create",
               "filter":".body.run.type == \"TRACKED\" and .body.stack.id != null and .body.state != null",
               "entity":{"identifier":{"combinator":"\"and\"","rules":[{"property":"\"$identifier\"","operator":"\"=\"","value":".body.stack.id"}]},
                         "properties":{"state":".body.state"}}}]}
            """.Replace("SECRET", Secret, StringComparison.Ordinal).Replace("BLUEPRINT", Blueprint, StringComparison.Ordinal))!.AsObject(), cancellationToken);
        var url = webhook["integration"]!["url"]!.GetValue<string>();

        using var spacelift = new HttpClient();
        var token = (await GraphQLAsync(spacelift, host, null, "mutation($id: ID!, $secret: String!) { apiKeyUser(id: $id, secret: $secret) { jwt } }",
            new JsonObject { ["id"] = host.Options.SpaceliftKeyId, ["secret"] = host.Options.SpaceliftKeySecret }, cancellationToken))["apiKeyUser"]!["jwt"]!.GetValue<string>();
        await GraphQLAsync(spacelift, host, token, "mutation($input: NamedWebhooksIntegrationInput!) { namedWebhooksIntegrationCreate(input: $input) { id } }",
            new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["name"] = "port-stack-state", ["endpoint"] = url, ["space"] = "root", ["enabled"] = true,
                    ["retryOnFailure"] = true, ["secret"] = Secret, ["labels"] = new JsonArray(),
                },
            }, cancellationToken);
        await GraphQLAsync(spacelift, host, token, "mutation($input: PolicyCreateInput!) { policyCreatev2(input: $input) { id } }",
            new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["name"] = "Port stack state", ["type"] = "NOTIFICATION", ["engineType"] = "REGO_V1", ["space"] = "root",
                    ["body"] = """
                        package spacelift
                        import rego.v1
                        webhook contains {"endpoint_id": endpoint.id} if {
                          some endpoint in input.webhook_endpoints
                          endpoint.id == "port-stack-state"
                          input.run_updated.run.type == "TRACKED"
                        }
                        """,
                },
            }, cancellationToken);
    }

    private static async Task<JsonObject> PortAsync(HttpClient port, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await port.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return response.IsSuccessStatusCode ? answer : throw new InvalidOperationException($"POST {path}: {answer.ToJsonString()}");
    }

    private static async Task<JsonObject> GraphQLAsync(HttpClient http, EmulatorHost host, string? token, string query, JsonObject variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.SpaceliftGraphQLUrl)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        return answer["errors"] is null ? answer["data"]!.AsObject() : throw new InvalidOperationException($"GraphQL: {answer["errors"]!.ToJsonString()}");
    }
}
