using System.Text.Json;
using Emulators.Hosting;
using Emulators.Unknowns;
using Infra.Tests.Emulators.Spacelift;

namespace Infra.Tests.Emulators.Unknowns;

/// <summary>
/// The Spacelift switches over GraphQL: <c>--spacelift-absent-read</c>, <c>--spacelift-ids</c>,
/// <c>--spacelift-page-cap</c> with <c>--spacelift-oversized-page</c>, and <c>--spacelift-wrong-secret</c>.
/// </summary>
public sealed class SpaceliftSwitchTests
{
    private const string ReadAbsent =
        "query($id:ID!){stack(id: $id){id},namedWebhooksIntegration(id: $id){id},policy(id: $id){id},viewer{id}}";

    private const string CreateWebhook =
        "mutation($input:NamedWebhooksIntegrationInput!){namedWebhooksIntegrationCreate(input: $input){id,name}}";

    private const string CreatePolicy = "mutation($input:PolicyCreateInput!){policyCreatev2(input: $input){id,name}}";

    private const string Search =
        "query($input:SearchInput!){searchStacks(input: $input){edges{node{id}},pageInfo{endCursor,hasNextPage}}}";

    [Theory]
    [InlineData(AbsentRead.Null, new string[0])]
    [InlineData(AbsentRead.NotFoundError, new[] { "stack", "namedWebhooksIntegration", "policy" })]
    [InlineData(AbsentRead.StacksNullOthersNotFound, new[] { "namedWebhooksIntegration", "policy" })]
    public async Task AReadOfAnAbsentIdAnswersAsTheSwitchSays(AbsentRead setting, string[] erroring)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftAbsentRead = setting });
        var token = await host.Spacelift.MintTokenAsync();

        var response = await host.Spacelift.PostAsync(ReadAbsent, new { id = "no-such-thing" }, token);

        var data = response.Data;
        Assert.Equal(JsonValueKind.Object, data.GetProperty("viewer").ValueKind);
        foreach (var field in new[] { "stack", "namedWebhooksIntegration", "policy" })
        {
            Assert.Equal(JsonValueKind.Null, data.GetProperty(field).ValueKind);
        }

        var errors = response.HasErrors ? response.Root.GetProperty("errors").EnumerateArray().ToArray() : [];
        Assert.Equal(erroring.Order(StringComparer.Ordinal), errors.Select(e => e.GetProperty("path")[0].GetString()!).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal("not found", e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AnExistingIdIsReadWithoutErrorUnderNotFound()
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftAbsentRead = AbsentRead.NotFoundError });
        var token = await host.Spacelift.MintTokenAsync();
        var stack = host.Host.Spacelift.Stacks.All()[0].Id;

        var response = await host.Spacelift.PostAsync("query($id:ID!){stack(id: $id){id}}", new { id = stack }, token);

        Assert.Equal(stack, response.AssertOk().Data.GetProperty("stack").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(GeneratedIds.Slug)]
    [InlineData(GeneratedIds.SlugWithSuffix)]
    public async Task NamedWebhookAndPolicyIdsAreTheSlugOrCarryAUlidSuffix(GeneratedIds setting)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftIds = setting });
        var token = await host.Spacelift.MintTokenAsync();
        var webhookInput = new { input = new { name = "Port Stack State", endpoint = "https://example.test/hook", space = "root", enabled = true, labels = Array.Empty<string>() } };
        var policyInput = new { input = new { name = "Port Stack State", body = "package spacelift", type = "PLAN" } };

        var webhook = await host.Spacelift.PostAsync(CreateWebhook, webhookInput, token);
        var policy = await host.Spacelift.PostAsync(CreatePolicy, policyInput, token);
        var again = await host.Spacelift.PostAsync(CreateWebhook, webhookInput, token);

        var ids = new[] { webhook.AssertOk().Data.GetProperty("namedWebhooksIntegrationCreate"), policy.AssertOk().Data.GetProperty("policyCreatev2") }
            .Select(node => node.GetProperty("id").GetString()!)
            .ToArray();
        if (setting == GeneratedIds.Slug)
        {
            Assert.All(ids, id => Assert.Equal("port-stack-state", id));
            Assert.Equal(["named webhook with id 'port-stack-state' already exists"], again.ErrorMessages);
        }
        else
        {
            Assert.All(ids, id => Assert.Matches("^port-stack-state-[0-9A-HJKMNP-TV-Z]{26}$", id));
            var second = again.AssertOk().Data.GetProperty("namedWebhooksIntegrationCreate").GetProperty("id").GetString();
            Assert.NotEqual(ids[0], second);
        }
    }

    [Theory]
    [InlineData(100, OversizedPage.Clamp, 60, 60, null)]
    [InlineData(50, OversizedPage.Clamp, 60, 50, null)]
    [InlineData(50, OversizedPage.Error, 60, 0, "first must not be greater than 50")]
    [InlineData(100, OversizedPage.Error, 120, 0, "first must not be greater than 100")]
    [InlineData(50, OversizedPage.Error, 50, 50, null)]
    public async Task AFirstAboveTheCapIsCutOrRefused(int cap, OversizedPage oversized, int first, int expectedEdges, string? error)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 130, SpaceliftPageCap = cap, SpaceliftOversizedPage = oversized });
        var token = await host.Spacelift.MintTokenAsync();

        var response = await host.Spacelift.PostAsync(Search, new { input = new { first } }, token);

        if (error is null)
        {
            Assert.Equal(expectedEdges, response.AssertOk().Data.GetProperty("searchStacks").GetProperty("edges").GetArrayLength());
            Assert.True(response.Data.GetProperty("searchStacks").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        }
        else
        {
            Assert.Equal([error], response.ErrorMessages);
        }
    }

    [Theory]
    [InlineData(true, new[] { "unauthorized" })]
    [InlineData(false, new string[0])]
    public async Task AWrongSecretAnswersNullWithOrWithoutAnError(bool isError, string[] errors)
    {
        await using var host = await SwitchedHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftWrongSecretIsError = isError });

        var response = await host.Spacelift.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = "wrong" });

        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("apiKeyUser").ValueKind);
        Assert.Equal(errors, response.ErrorMessages);
    }
}
