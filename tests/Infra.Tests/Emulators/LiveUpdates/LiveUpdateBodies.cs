using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.LiveUpdates;

/// <summary>
/// The bodies the program declares for live updates (the research's B4 contract), written out here so the
/// emulator tests configure both ends exactly as the program will.
/// </summary>
internal static class LiveUpdateBodies
{
    public const string WebhookIdentifier = "spacelift_stack_state";
    public const string NamedWebhookName = "port-stack-state";
    public const string PolicyName = "Port stack state";

    public static JsonObject PortWebhook(string secret, string blueprint = "space_lift_stack") => new()
    {
        ["identifier"] = WebhookIdentifier,
        ["title"] = "Spacelift stack state",
        ["icon"] = "Spacelift",
        ["enabled"] = true,
        ["integrationType"] = "custom",
        ["description"] = "Spacelift run events → stack state",
        ["security"] = new JsonObject
        {
            ["secret"] = secret,
            ["signatureHeaderName"] = "x-signature-256",
            ["signatureAlgorithm"] = "sha256",
            ["signaturePrefix"] = "sha256=",
        },
        ["mappings"] = new JsonArray(new JsonObject
        {
            ["blueprint"] = blueprint,
            ["operation"] = "create",
            ["filter"] = ".body.run.type == \"TRACKED\" and .body.stack.id != null and .body.state != null",
            ["entity"] = new JsonObject
            {
                ["identifier"] = new JsonObject
                {
                    ["combinator"] = "\"and\"",
                    ["rules"] = new JsonArray(new JsonObject
                    {
                        ["property"] = "\"$identifier\"",
                        ["operator"] = "\"=\"",
                        ["value"] = ".body.stack.id",
                    }),
                },
                ["properties"] = new JsonObject { ["state"] = ".body.state" },
            },
        }),
    };

    public static string PolicyBody(string endpointId) => $$"""
        package spacelift

        import rego.v1

        webhook contains {"endpoint_id": endpoint.id} if {
          some endpoint in input.webhook_endpoints
          endpoint.id == "{{endpointId}}"
          input.run_updated.run.type == "TRACKED"
        }
        """;

    public static string Sign256(string secret, string body)
        => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Spacelift's default run_updated payload for a run of <paramref name="stackId"/>.</summary>
    public static string RunEvent(string stackId, string state, int stateVersion, string type = "TRACKED", string runId = "01RUN") => new JsonObject
    {
        ["account"] = "emulator",
        ["state"] = state,
        ["stateVersion"] = stateVersion,
        ["timestamp"] = 1_700_000_000 + stateVersion,
        ["run"] = new JsonObject { ["id"] = runId, ["type"] = type, ["branch"] = "main" },
        ["stack"] = new JsonObject { ["id"] = stackId, ["name"] = stackId, ["labels"] = new JsonArray() },
    }.ToJsonString();
}
