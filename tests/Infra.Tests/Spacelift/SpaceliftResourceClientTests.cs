using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Tests.Port.Support;

namespace Infra.Tests.Spacelift;

/// <summary>
/// The client's generic Spacelift resource calls (named webhooks, policies): the documents and
/// variables sent, a null read meaning absent, a null viewer meaning a dead token, GraphQL errors
/// thrown, and the write-only secret sent only when given and never in an error.
/// </summary>
public sealed class SpaceliftResourceClientTests
{
    private static readonly JsonObject Viewer = new() { ["id"] = "api::key" };

    [Fact]
    public async Task AReadSendsTheKindsDocumentAndFlattensTheSpaceObject()
    {
        var spacelift = new TestSpacelift(_ => Data(new JsonObject
        {
            ["namedWebhooksIntegration"] = new JsonObject { ["id"] = "port-stack-state", ["name"] = "port-stack-state", ["space"] = new JsonObject { ["id"] = "root" }, ["labels"] = new JsonArray() },
            ["viewer"] = Viewer.DeepClone(),
        }));

        var body = await spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftWebhook, "port-stack-state", CancellationToken.None);

        Assert.Equal("root", body!["space"]!.GetValue<string>());
        var sent = Assert.Single(spacelift.Queries).Json;
        Assert.Equal(SpaceliftDocuments.For(ResourceKind.SpaceliftWebhook).Read, sent["query"]!.GetValue<string>());
        Assert.Equal("{\"id\":\"port-stack-state\"}", sent["variables"]!.ToJsonString());
        Assert.Equal("Bearer jwt-1", spacelift.Queries[0].Authorization);
    }

    [Fact]
    public async Task ANullResourceWithAViewerIsAbsent()
    {
        var spacelift = new TestSpacelift(_ => Data(new JsonObject { ["policy"] = null, ["viewer"] = Viewer.DeepClone() }));

        Assert.Null(await spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "port-stack-state-routing", CancellationToken.None));
    }

    [Fact]
    public async Task ANullViewerIsADeadTokenNotAnAbsentResource()
    {
        var spacelift = new TestSpacelift(_ => Data(new JsonObject { ["policy"] = null, ["viewer"] = null }));

        await Assert.ThrowsAsync<SpaceliftAuthenticationException>(() => spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "p", CancellationToken.None));
        Assert.Equal(2, spacelift.Mints.Count);
    }

    [Fact]
    public async Task GraphQlErrorsAreThrownWithSpaceliftsText()
    {
        var spacelift = new TestSpacelift(_ => Answers.Ok("""{"errors":[{"message":"internal error"}],"data":null}"""));

        var error = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "p", CancellationToken.None));

        Assert.Contains("internal error", error.Message);
    }

    [Fact]
    public async Task ACreateSendsTheInputWithTheSecretAndReturnsTheId()
    {
        var spacelift = new TestSpacelift(_ => Data(new JsonObject { ["namedWebhooksIntegrationCreate"] = new JsonObject { ["id"] = "port-stack-state", ["enabled"] = true } }));
        var input = new JsonObject { ["name"] = "port-stack-state", ["endpoint"] = "https://ingest.port.test/k", ["space"] = "root", ["enabled"] = true, ["retryOnFailure"] = true, ["labels"] = new JsonArray() };

        var id = await spacelift.Client.CreateResourceAsync(ResourceKind.SpaceliftWebhook, input, new Secret("s3cr3t-value"), CancellationToken.None);

        Assert.Equal("port-stack-state", id);
        var sent = Assert.Single(spacelift.Queries).Json;
        Assert.StartsWith("mutation($input:NamedWebhooksIntegrationInput!)", sent["query"]!.GetValue<string>());
        Assert.Equal("s3cr3t-value", sent["variables"]!["input"]!["secret"]!.GetValue<string>());
        Assert.Null(input["secret"]);
    }

    [Fact]
    public async Task AnUpdateWithoutASecretLeavesItOutAndAPolicyUpdateLeavesOutItsType()
    {
        var spacelift = new TestSpacelift(request => Data(new JsonObject
        {
            [request.Body!.Contains("policyUpdatev2", StringComparison.Ordinal) ? "policyUpdatev2" : "namedWebhooksIntegrationUpdate"] = new JsonObject { ["id"] = "x" },
        }));

        await spacelift.Client.UpdateResourceAsync(ResourceKind.SpaceliftWebhook, "x", new JsonObject { ["name"] = "x", ["enabled"] = true }, null, CancellationToken.None);
        await spacelift.Client.UpdateResourceAsync(ResourceKind.SpaceliftPolicy, "x", new JsonObject { ["name"] = "x", ["type"] = "NOTIFICATION", ["body"] = "b" }, null, CancellationToken.None);

        var webhook = spacelift.Queries[0].Json["variables"]!;
        Assert.Equal("x", webhook["id"]!.GetValue<string>());
        Assert.False(webhook["input"]!.AsObject().ContainsKey("secret"));
        var policy = spacelift.Queries[1].Json["variables"]!["input"]!.AsObject();
        Assert.False(policy.ContainsKey("type"));
        Assert.Equal("b", policy["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWriteTheKeyMayNotDoSaysAnAdminKeyIsNeededAndNeverShowsTheSecret()
    {
        var spacelift = new TestSpacelift(request => Answers.Ok(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["message"] = "unauthorized: " + request.Json["variables"]!["input"]!["secret"] }),
            ["data"] = null,
        }.ToJsonString()));

        var error = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.CreateResourceAsync(ResourceKind.SpaceliftWebhook, new JsonObject { ["name"] = "w" }, new Secret("s3cr3t-value"), CancellationToken.None));

        Assert.Contains("admin API key", error.Message);
        Assert.DoesNotContain("s3cr3t-value", error.Message);
    }

    private static HttpResponseMessage Data(JsonObject data) => Answers.Ok(new JsonObject { ["data"] = data }.ToJsonString());
}
