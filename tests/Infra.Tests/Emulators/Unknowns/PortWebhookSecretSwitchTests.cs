using System.Net;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Unknowns;
using Infra.Tests.Emulators.LiveUpdates;
using Infra.Tests.Emulators.Port;

namespace Infra.Tests.Emulators.Unknowns;

/// <summary><c>--port-webhook-secret</c>: what webhook answers carry in <c>security.secret</c>; the stored secret still signs.</summary>
public sealed class PortWebhookSecretSwitchTests
{
    private const string Secret = "s3cret-value";

    [Theory]
    [InlineData(WebhookSecretOnRead.Returned, Secret)]
    [InlineData(WebhookSecretOnRead.Omitted, null)]
    [InlineData(WebhookSecretOnRead.Masked, WebhookSecretMask.Mask)]
    public async Task EveryAnswerCarriesTheSecretAsTheSwitchSays(WebhookSecretOnRead setting, string? expected)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, PortWebhookSecret = setting });
        Assert.Equal(HttpStatusCode.Created, (await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint())).Status);

        var (created, createBody) = await host.PortAsync(HttpMethod.Post, "/v1/webhooks", LiveUpdateBodies.PortWebhook(Secret));
        var (read, readBody) = await host.PortAsync(HttpMethod.Get, "/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier);
        var (listed, listBody) = await host.PortAsync(HttpMethod.Get, "/v1/webhooks");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal(HttpStatusCode.OK, listed);
        foreach (var webhook in new[] { createBody["integration"]!, readBody["integration"]!, listBody["integrations"]![0]! })
        {
            var security = webhook["security"]!.AsObject();
            Assert.Equal(expected is not null, security.ContainsKey("secret"));
            Assert.Equal(expected, security["secret"]?.GetValue<string>());
            Assert.Equal("x-signature-256", security["signatureHeaderName"]!.GetValue<string>());
        }

        Assert.Equal(Secret, host.Host.Port.Webhook(LiveUpdateBodies.WebhookIdentifier)!["security"]!["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMaskedSecretStillChecksEventsWithTheStoredSecret()
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, PortWebhookSecret = WebhookSecretOnRead.Masked });
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint());
        await host.PortAsync(HttpMethod.Post, "/v1/blueprints/space_lift_stack/entities", new JsonObject
        {
            ["identifier"] = "stack-a", ["title"] = "Stack A", ["properties"] = new JsonObject { ["state"] = "NONE" },
        });
        var (_, created) = await host.PortAsync(HttpMethod.Post, "/v1/webhooks", LiveUpdateBodies.PortWebhook(Secret));
        var body = LiveUpdateBodies.RunEvent("stack-a", "FINISHED", 1);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, created["integration"]!["url"]!.GetValue<string>())
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-256", LiveUpdateBodies.Sign256(Secret, body));
        using var response = await http.SendAsync(request);
        using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Host.Port.WhenIdleAsync(idle.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("FINISHED", host.Host.Port.Entities("space_lift_stack").Single()["properties"]!["state"]!.GetValue<string>());
    }
}
