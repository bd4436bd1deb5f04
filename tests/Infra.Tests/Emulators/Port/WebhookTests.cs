using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Port;
using Infra.Tests.Emulators.LiveUpdates;

namespace Infra.Tests.Emulators.Port;

public sealed class WebhookTests
{
    private const string Secret = "s3cret-value";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(20);

    private static async Task<(PortTestHost Host, Uri Ingest)> StartWithWebhookAsync(PortEmulatorOptions? options = null)
    {
        var host = await PortTestHost.StartAsync(options);
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        var (status, entity) = await host.PostAsync("/v1/blueprints/space_lift_stack/entities", new JsonObject
        {
            ["identifier"] = "stack-a",
            ["title"] = "Stack A",
            ["properties"] = new JsonObject { ["state"] = "FINISHED", ["branch"] = "main" },
        });
        Assert.True(status == HttpStatusCode.Created, entity.ToJsonString());
        var (created, body) = await host.PostAsync("/v1/webhooks", LiveUpdateBodies.PortWebhook(Secret));
        Assert.True(created == HttpStatusCode.Created, body.ToJsonString());
        return (host, new Uri(body["integration"]!["url"]!.GetValue<string>()));
    }

    private static async Task<HttpStatusCode> DeliverAsync(Uri ingest, string body, string? signature)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, ingest) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature-256", signature);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonObject> EntityAsync(PortTestHost host, string identifier)
    {
        var (_, body) = await host.GetAsync($"/v1/blueprints/space_lift_stack/entities/{identifier}");
        return body["entity"]!.AsObject();
    }

    private static async Task<JsonArray> AuditAsync(PortTestHost host, string query = "")
    {
        var (status, body) = await host.GetAsync("/v1/audit-log?webhookId=" + LiveUpdateBodies.WebhookIdentifier + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return body["audits"]!.AsArray();
    }

    private static async Task IdleAsync(PortTestHost host)
    {
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);
    }

    [Fact]
    public async Task CreateAnswersTheIntegrationWithAKeyAndAnIngestUrlOnThisEmulator()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        var (status, body) = await host.GetAsync("/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier);
        Assert.Equal(HttpStatusCode.OK, status);
        var webhook = body["integration"]!.AsObject();
        var key = webhook["webhookKey"]!.GetValue<string>();
        Assert.Equal(20, key.Length);
        Assert.Equal(new Uri(host.BaseUrl, "ingest/" + key), ingest);
        Assert.Equal("custom", webhook["integrationType"]!.GetValue<string>());
        Assert.Equal(Secret, webhook["security"]!["secret"]!.GetValue<string>());

        // PUT keeps the key, PATCH changes only what it names.
        var replaced = LiveUpdateBodies.PortWebhook(Secret);
        replaced["title"] = "Renamed";
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Put, "/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier, replaced)).Status);
        var (_, patched) = await host.SendAsync(HttpMethod.Patch, "/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier, new JsonObject { ["enabled"] = false });
        Assert.Equal("Renamed", patched["integration"]!["title"]!.GetValue<string>());
        Assert.False(patched["integration"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(key, patched["integration"]!["webhookKey"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Delete, "/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await DeliverAsync(ingest, "{}", null));
    }

    [Theory]
    [InlineData("title", null, "required property 'title'")]
    [InlineData("enabled", null, "required property 'enabled'")]
    [InlineData("colour", "\"red\"", "additional property 'colour'")]
    [InlineData("identifier", "\"a_webhook_identifier_longer_than_30\"", "1 to 30 characters")]
    [InlineData("security", "{\"secret\":\"x\",\"algorithm\":\"sha256\"}", "additional property 'algorithm'")]
    [InlineData("security", "{\"signatureAlgorithm\":\"md5\"}", "must be one of sha1, sha256, plain")]
    [InlineData("mappings", "[{\"blueprint\":\"b\"}]", "required property 'entity'")]
    [InlineData("mappings", "[{\"blueprint\":\"b\",\"entity\":{\"identifier\":\".x\",\"colour\":\".y\"}}]", "additional property 'colour'")]
    [InlineData("mappings", "[{\"blueprint\":\"b\",\"operation\":{\"type\":\"update\"},\"entity\":{\"identifier\":\".x\"}}]", "must be 'create' or 'delete'")]
    [InlineData("mappings", "[{\"blueprint\":\"b\",\"entity\":{\"identifier\":{\"combinator\":\"and\",\"rules\":[{\"property\":\"$identifier\",\"operator\":\"contains\",\"value\":\".x\"}]}}}]", "only '=' and 'in'")]
    [InlineData("mappings", "[{\"blueprint\":\"b\",\"entity\":{\"identifier\":\".x | ascii_upcase\"}}]", "cannot be evaluated by the emulator")]
    public async Task InvalidBodiesAreRefusedWith422NamingTheField(string field, string? json, string expected)
    {
        await using var host = await PortTestHost.StartAsync();
        var body = LiveUpdateBodies.PortWebhook(Secret);
        if (json is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }

        var (status, answer) = await host.PostAsync("/v1/webhooks", body);
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("invalid_request", answer["error"]!.GetValue<string>());
        Assert.Contains(expected, answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedEventUpdatesOnlyTheMappedPropertyAndIsAudited()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        var body = LiveUpdateBodies.RunEvent("stack-a", "APPLYING", 5);

        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ingest, body, LiveUpdateBodies.Sign256(Secret, body)));
        await IdleAsync(host);

        var entity = await EntityAsync(host, "stack-a");
        Assert.Equal("APPLYING", entity["properties"]!["state"]!.GetValue<string>());
        Assert.Equal("main", entity["properties"]!["branch"]!.GetValue<string>());
        Assert.Equal("Stack A", entity["title"]!.GetValue<string>());
        var audit = Assert.Single(await AuditAsync(host, "&status=SUCCESS"));
        Assert.Equal("stack-a", audit!["context"]!["entity"]!.GetValue<string>());
        Assert.Equal("UPDATE", audit["action"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(null)]
    public async Task AForgedOrUnsignedEventIsAcceptedButChangesNothing(string? signature)
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        var before = host.Emulator.Dump();
        var body = LiveUpdateBodies.RunEvent("stack-a", "FAILED", 7);

        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ingest, body, signature));
        await IdleAsync(host);

        Assert.Equal(before, host.Emulator.Dump());
        var audit = Assert.Single(await AuditAsync(host));
        Assert.Equal("FAILURE", audit!["status"]!.GetValue<string>());
        Assert.StartsWith("signature mismatch", audit["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventForAnUnknownStackCreatesNoEntity()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        var body = LiveUpdateBodies.RunEvent("no-such-stack", "FINISHED", 6);

        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ingest, body, LiveUpdateBodies.Sign256(Secret, body)));
        await IdleAsync(host);

        Assert.Equal(1, host.Emulator.EntityCount("space_lift_stack"));
        var audit = Assert.Single(await AuditAsync(host, "&status=FAILURE"));
        Assert.Contains("search returned no entity", audit!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProposedRunEventIsFilteredOutAndAuditedAsMatchingNothing()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        var body = LiveUpdateBodies.RunEvent("stack-a", "FAILED", 3, type: "PROPOSED");

        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ingest, body, LiveUpdateBodies.Sign256(Secret, body)));
        await IdleAsync(host);

        Assert.Equal("FINISHED", (await EntityAsync(host, "stack-a"))["properties"]!["state"]!.GetValue<string>());
        var audit = Assert.Single(await AuditAsync(host));
        Assert.Equal("no mapping's filter matched the event", audit!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventsOfOneWebhookAreAppliedInArrivalOrder()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        string[] states = ["QUEUED", "PREPARING", "INITIALIZING", "PLANNING", "APPLYING", "FINISHED", "QUEUED", "PLANNING", "FAILED"];
        var applied = new List<string>();
        host.Emulator.WebhookEventProcessed += outcome => applied.Add(outcome.Body!["state"]!.GetValue<string>());
        for (var i = 0; i < states.Length; i++)
        {
            var body = LiveUpdateBodies.RunEvent("stack-a", states[i], i + 1);
            Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ingest, body, LiveUpdateBodies.Sign256(Secret, body)));
        }

        await IdleAsync(host);

        Assert.Equal(states, applied);
        Assert.Equal("FAILED", (await EntityAsync(host, "stack-a"))["properties"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADisabledWebhookDropsEventsAndSaysSo()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        await host.SendAsync(HttpMethod.Patch, "/v1/webhooks/" + LiveUpdateBodies.WebhookIdentifier, new JsonObject { ["enabled"] = false });
        var body = LiveUpdateBodies.RunEvent("stack-a", "FAILED", 2);

        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ingest, body, LiveUpdateBodies.Sign256(Secret, body)));
        await IdleAsync(host);

        Assert.Equal("FINISHED", (await EntityAsync(host, "stack-a"))["properties"]!["state"]!.GetValue<string>());
        Assert.Contains("disabled", Assert.Single(await AuditAsync(host))!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIngestNeedsNoBearerButTheApiStillDoes()
    {
        var (host, ingest) = await StartWithWebhookAsync();
        await using var _ = host;
        using var anonymous = new HttpClient { BaseAddress = host.BaseUrl };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/audit-log")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await DeliverAsync(ingest, new string('x', 513 * 1024), null));
    }

    [Fact]
    public async Task WebhooksSurviveARestartWithTheirSecretNotInClear()
    {
        var directory = Directory.CreateTempSubdirectory("port-webhook-state-").FullName;
        try
        {
            var options = new PortEmulatorOptions { StateFile = Path.Combine(directory, "port.json") };
            string key;
            var (first, _) = await StartWithWebhookAsync(options);
            await using (first)
            {
                key = first.Emulator.Webhook(LiveUpdateBodies.WebhookIdentifier)!["webhookKey"]!.GetValue<string>();
            }

            Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(options.StateFile!), StringComparison.Ordinal);
            await using var second = await PortTestHost.StartAsync(options);
            var webhook = second.Emulator.Webhook(LiveUpdateBodies.WebhookIdentifier)!;
            Assert.Equal(key, webhook["webhookKey"]!.GetValue<string>());
            Assert.Equal(Secret, webhook["security"]!["secret"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
