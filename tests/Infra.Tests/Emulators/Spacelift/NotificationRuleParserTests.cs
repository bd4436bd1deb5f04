using System.Text.Json.Nodes;
using Emulators.Spacelift.Webhooks;

namespace Infra.Tests.Emulators.Spacelift;

public sealed class NotificationRuleParserTests
{
    private static JsonObject Input(string type, string stackId = "prod", params string[] labels) => new()
    {
        ["webhook_endpoints"] = new JsonArray(new JsonObject { ["id"] = "port-stack-state" }, new JsonObject { ["id"] = "other" }),
        ["run_updated"] = new JsonObject
        {
            ["run"] = new JsonObject { ["type"] = type },
            ["stack"] = new JsonObject { ["id"] = stackId, ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]) },
        },
    };

    private static string[] Route(string body, JsonObject input)
        => [.. NotificationRuleParser.Parse(body).SelectMany(r => r.Endpoints(input)).Distinct()];

    [Fact]
    public void TheDeclaredV1RuleRoutesTrackedRunsToItsEndpointOnly()
    {
        var body = """
            package spacelift

            import rego.v1

            # Tracked runs only.
            webhook contains {"endpoint_id": endpoint.id} if {
              some endpoint in input.webhook_endpoints
              endpoint.id == "port-stack-state"
              input.run_updated.run.type == "TRACKED"
            }
            """;

        Assert.Equal(["port-stack-state"], Route(body, Input("TRACKED")));
        Assert.Empty(Route(body, Input("PROPOSED")));
    }

    [Fact]
    public void TheV0FormLiteralEndpointsMembershipAndInequalityAreEvaluated()
    {
        var body = """
            package spacelift
            webhook[{"endpoint_id": endpoint.id}] {
              endpoint := input.webhook_endpoints[_]
              endpoint.id != "other"
              input.run_updated.stack.labels[_] == "live"
            }
            webhook contains {"endpoint_id": "other"} if { "prod" == input.run_updated.stack.id; "live" in input.run_updated.stack.labels }
            """;

        Assert.Equal(["port-stack-state", "other"], Route(body, Input("TRACKED", "prod", "live")));
        Assert.Equal(["port-stack-state"], Route(body, Input("TRACKED", "dev", "live")));
        Assert.Empty(Route(body, Input("TRACKED", "prod")));
    }

    [Fact]
    public void AMissingPathIsUndefinedSoTheRuleDoesNotFire()
    {
        var body = "package spacelift\nwebhook contains {\"endpoint_id\": \"a\"} if { input.run_updated.run.no_such_field != null }";
        Assert.Empty(Route(body, Input("TRACKED")));
    }

    [Theory]
    [InlineData("package other\n", "package 'other'")]
    [InlineData("package spacelift\npackage spacelift\n", "more than one package")]
    [InlineData("package spacelift\nimport data.lib\n", "import 'data.lib'")]
    [InlineData("package spacelift\nwebhook contains {\"endpoint_id\": endpoint.id} if { endpoint.id == \"a\" }", "'endpoint' without")]
    [InlineData("package spacelift\nwebhook contains {\"endpoint_id\": \"a\"} if { input.run_updated.run.type == \"TRACKED\" with input as {} }", "'with'")]
    public void ShapesOutsideTheSubsetAreRefused(string body, string expected)
    {
        var error = Assert.Throws<NotificationPolicyException>(() => NotificationRuleParser.Parse(body));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
