using System.Text.Json.Nodes;
using Infra.Cli.Spacelift;
using Infra.Sdk;
using Infra.Tests.Port.Support;

namespace Infra.Tests.Spacelift;

/// <summary>
/// Spacelift answers some reads of an absent id with a "not found" error rather than null
/// (terraform-provider-spacelift PR #625): the client reads that as absent when the viewer is there, as
/// done on delete, and as a failure anywhere else or beside another error.
/// </summary>
public sealed class SpaceliftNotFoundTests
{
    private static readonly JsonObject Viewer = new() { ["id"] = "api::key" };

    private static HttpResponseMessage Answer(string field, JsonNode? viewer, params string[] errors) => Answers.Ok(new JsonObject
    {
        ["errors"] = new JsonArray([.. errors.Select(message => (JsonNode)new JsonObject { ["message"] = message, ["path"] = new JsonArray(field) })]),
        ["data"] = new JsonObject { [field] = null, ["viewer"] = viewer?.DeepClone() },
    }.ToJsonString());

    [Theory]
    [InlineData("not found")]
    [InlineData("policy not found")]
    public async Task ANotFoundErrorWithAViewerIsAbsent(string message)
    {
        var spacelift = new TestSpacelift(_ => Answer("policy", Viewer, message));

        Assert.Null(await spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "port-stack-state-routing", CancellationToken.None));
        Assert.Single(spacelift.Mints);
    }

    [Fact]
    public async Task ANotFoundErrorForANamedWebhookIsAbsentToo()
    {
        var spacelift = new TestSpacelift(_ => Answer("namedWebhooksIntegration", Viewer, "not found"));

        Assert.Null(await spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftWebhook, "port-stack-state", CancellationToken.None));
    }

    [Fact]
    public async Task ANotFoundErrorWithoutAViewerIsADeadTokenNotAnAbsentResource()
    {
        var spacelift = new TestSpacelift(_ => Answer("policy", null, "not found"));

        await Assert.ThrowsAsync<SpaceliftAuthenticationException>(() => spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "p", CancellationToken.None));
        Assert.Equal(2, spacelift.Mints.Count);
    }

    [Theory]
    [InlineData("Not Found")]
    [InlineData("internal error")]
    public async Task OtherErrorsAreThrown(string message)
    {
        var spacelift = new TestSpacelift(_ => Answer("policy", Viewer, message));

        var error = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "p", CancellationToken.None));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task NotFoundBesideAnotherErrorIsThrown()
    {
        var spacelift = new TestSpacelift(_ => Answer("policy", Viewer, "not found", "rate limit exceeded"));

        var error = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "p", CancellationToken.None));

        Assert.Contains("rate limit exceeded", error.Message);
    }

    [Fact]
    public async Task ADeleteAnsweredNotFoundIsDone()
    {
        var spacelift = new TestSpacelift(_ => Answer("policyDelete", null, "not found"));

        await spacelift.Client.DeleteResourceAsync(ResourceKind.SpaceliftPolicy, "gone", CancellationToken.None);

        Assert.Single(spacelift.Queries);
    }

    [Fact]
    public async Task AnUpdateAnsweredNotFoundIsAFailure()
    {
        var spacelift = new TestSpacelift(_ => Answer("policyUpdatev2", null, "not found"));

        var error = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.UpdateResourceAsync(
            ResourceKind.SpaceliftPolicy, "gone", new JsonObject { ["name"] = "x", ["type"] = "NOTIFICATION", ["body"] = "b" }, null, CancellationToken.None));

        Assert.Contains("not found", error.Message);
    }
}
