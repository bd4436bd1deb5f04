using System.Net;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Unknowns;
using Infra.Tests.Emulators.LiveUpdates;
using Infra.Tests.Emulators.Port;

namespace Infra.Tests.Emulators.Unknowns;

/// <summary>
/// <c>--port-mapping-operation-string</c> (the bare <c>"create"</c> against the OpenAPI's object forms), and
/// the single-quoted constants Port's webhook docs write in mappings, accepted under every setting.
/// </summary>
public sealed class PortMappingSwitchTests
{
    private const string Secret = "s3cret-value";

    private static JsonObject WebhookWith(JsonNode? operation)
    {
        var webhook = LiveUpdateBodies.PortWebhook(Secret);
        webhook["mappings"]![0]!["operation"] = operation;
        return webhook;
    }

    [Theory]
    [InlineData(MappingOperationString.Accepted, HttpStatusCode.Created)]
    [InlineData(MappingOperationString.Refused, HttpStatusCode.UnprocessableEntity)]
    public async Task TheBareStringIsTakenOrRefusedAsTheSwitchSays(MappingOperationString setting, HttpStatusCode expected)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, PortMappingOperationString = setting });
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint());

        var (status, body) = await host.PortAsync(HttpMethod.Post, "/v1/webhooks", WebhookWith("create"));

        Assert.True(status == expected, body.ToJsonString());
        if (status == HttpStatusCode.UnprocessableEntity)
        {
            Assert.Contains("body/mappings/0/operation", body["message"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData(MappingOperationString.Accepted)]
    [InlineData(MappingOperationString.Refused)]
    public async Task TheObjectFormTheTerraformProviderSendsIsTakenUnderEverySetting(MappingOperationString setting)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, PortMappingOperationString = setting });
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint());

        var (status, body) = await host.PortAsync(HttpMethod.Post, "/v1/webhooks", WebhookWith(new JsonObject { ["type"] = "create" }));
        var (put, putBody) = await host.PortAsync(HttpMethod.Put, "/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier, WebhookWith(null));

        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal("""{"type":"create"}""", body["integration"]!["mappings"]![0]!["operation"]!.ToJsonString());
        Assert.True(put == HttpStatusCode.OK, putBody.ToJsonString());
    }

    /// <summary>
    /// port-docs <c>docs/build-your-software-catalog/custom-integration/webhook/webhook.md</c> (4893974) writes
    /// constants single-quoted: <c>"deploymentStatus": "'Success'"</c> and <c>"combinator": "'and'"</c>,
    /// <c>"property": "'appVersion'"</c>, <c>"operator": "'='"</c> in a search query.
    /// </summary>
    [Fact]
    public async Task SingleQuotedConstantsAsPortsWebhookDocsWriteThemMapAnEvent()
    {
        await using var host = await SwitchedHost.StartAsync(EmulatorOptions.Inconvenient with { Stacks = 1 });
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint());
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints/space_lift_stack/entities", new JsonObject
        {
            ["identifier"] = "stack-a", ["title"] = "Stack A", ["properties"] = new JsonObject { ["state"] = "NONE" },
        });
        var webhook = WebhookWith(new JsonObject { ["type"] = "create" });
        webhook["security"] = new JsonObject();
        webhook["mappings"]![0]!["filter"] = "true";
        webhook["mappings"]![0]!["entity"] = GuideResources.Parse("""
            {
              "identifier": { "combinator": "'and'", "rules": [ { "property": "'$identifier'", "operator": "'='", "value": ".body.stack.id" } ] },
              "properties": { "state": "'FINISHED'", "branch": ".body.run.branch" }
            }
            """);

        var (status, body) = await host.PortAsync(HttpMethod.Post, "/v1/webhooks", webhook);
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        using var http = new HttpClient();
        using var response = await http.PostAsync(body["integration"]!["url"]!.GetValue<string>(),
            new StringContent(LiveUpdateBodies.RunEvent("stack-a", "QUEUED", 1), System.Text.Encoding.UTF8, "application/json"));
        using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Host.Port.WhenIdleAsync(idle.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var properties = host.Host.Port.Entities("space_lift_stack").Single()["properties"]!;
        Assert.Equal("FINISHED", properties["state"]!.GetValue<string>());
        Assert.Equal("main", properties["branch"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnterminatedSingleQuoteIsRefusedWithThePath()
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1 });
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint());
        var webhook = WebhookWith("create");
        webhook["mappings"]![0]!["entity"]!["properties"] = new JsonObject { ["state"] = "'FINISHED" };

        var (status, body) = await host.PortAsync(HttpMethod.Post, "/v1/webhooks", webhook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("body/mappings/0/entity/properties/state", body["message"]!.GetValue<string>());
    }
}
