using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Tests.Support;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>
/// Every GraphQL document in <c>ClientDocuments/</c>, as one of Spacelift's own clients sends it (each file
/// names its repository, path and commit), validates against the emulator's schema and runs: reads and
/// writes alike, against a webhook, a policy and a run made for it, with the variables its header gives.
/// </summary>
public sealed class ClientDocumentTests
{
    private const string Folder = "Emulators/Spacelift/ClientDocuments";
    private const string VariablesHeader = "# variables: ";

    public static TheoryData<string> Documents() => [.. Files()];

    private static IEnumerable<string> Files()
        => Directory.GetFiles(Path.Combine(GoldenFiles.TestsDirectory, Folder), "*.graphql", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Path.Combine(GoldenFiles.TestsDirectory, Folder), file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void EveryDocumentNamesItsRepositoryPathAndCommit()
    {
        var documents = Files().ToArray();

        Assert.True(documents.Length >= 40, $"only {documents.Length} documents");
        foreach (var document in documents)
        {
            var lines = GoldenFiles.Read($"{Folder}/{document}").Split('\n');
            Assert.StartsWith("# repository: spacelift-io/", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("# path: ", lines[1], StringComparison.Ordinal);
            Assert.Matches("^# commit: [0-9a-f]{40}$", lines[2]);
            Assert.Contains(lines, line => line.StartsWith(VariablesHeader, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task TheDocumentValidatesAndRuns(string document)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 3 });
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var token = await client.MintTokenAsync();
        var placeholders = await FixturesAsync(host, client, token, document);
        var text = GoldenFiles.Read($"{Folder}/{document}");
        var variablesLine = text.Split('\n').Single(line => line.StartsWith(VariablesHeader, StringComparison.Ordinal))[VariablesHeader.Length..];
        foreach (var (name, value) in placeholders)
        {
            variablesLine = variablesLine.Replace(name, value, StringComparison.Ordinal);
        }

        var response = await client.PostAsync(text, JsonNode.Parse(variablesLine), token);

        var data = response.AssertOk().Data;
        Assert.NotEmpty(data.EnumerateObject());
        foreach (var root in data.EnumerateObject())
        {
            Assert.True(root.Value.ValueKind != JsonValueKind.Null, $"{root.Name} is null: {response.Text}");
        }

        AssertFilled(data, "$");
    }

    /// <summary>The fields the emulator gained for these documents answer real values, not nulls.</summary>
    private static void AssertFilled(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (property.Name is "createdAt" or "updatedAt")
                    {
                        Assert.True(property.Value.ValueKind == JsonValueKind.Number && property.Value.GetInt64() > 1_500_000_000, at);
                    }
                    else if (property.Name is "accessLevel")
                    {
                        Assert.True(property.Value.ValueKind == JsonValueKind.String, at);
                    }

                    AssertFilled(property.Value, at);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertFilled(item, $"{path}[{i++}]");
                }

                break;
        }
    }

    /// <summary>A named webhook, a policy and a run for the document to read, change or delete.</summary>
    private static async Task<Dictionary<string, string>> FixturesAsync(EmulatorHost host, GraphQLTestClient client, string token, string document)
    {
        var stack = host.Spacelift.Stacks.All()[0].Id;
        var webhook = await client.PostAsync(
            "mutation($input:NamedWebhooksIntegrationInput!){namedWebhooksIntegrationCreate(input: $input){id}}",
            new { input = new { name = "fixture-webhook", endpoint = "https://example.test/hook", space = "root", enabled = true, labels = Array.Empty<string>(), secret = "s3cret" } },
            token);
        var policy = await client.PostAsync(
            "mutation($input:PolicyCreateInput!){policyCreatev2(input: $input){id}}",
            new { input = new { name = "fixture-policy", body = "package spacelift", type = "PLAN", labels = new[] { "fixture" } } },
            token);
        var run = await client.PostAsync("mutation($stack:ID!){runTrigger(stack: $stack){id}}", new { stack }, token);
        return new Dictionary<string, string>
        {
            ["$KEY_ID"] = GraphQLTestClient.KeyId,
            ["$KEY_SECRET"] = GraphQLTestClient.KeySecret,
            ["$STACK_ID"] = stack,
            ["$WEBHOOK_ID"] = webhook.AssertOk().Data.GetProperty("namedWebhooksIntegrationCreate").GetProperty("id").GetString()!,
            ["$POLICY_ID"] = policy.AssertOk().Data.GetProperty("policyCreatev2").GetProperty("id").GetString()!,
            ["$RUN_ID"] = run.AssertOk().Data.GetProperty("runTrigger").GetProperty("id").GetString()!,
            ["$UNIQUE"] = "client-document " + document,
        };
    }

    [Fact]
    public async Task NamedWebhooksArePagedByCreationTimeThenIdWithCursors()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1 });
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var token = await client.MintTokenAsync();
        foreach (var name in new[] { "first-hook", "second-hook", "third-hook" })
        {
            (await client.PostAsync(
                "mutation($input:NamedWebhooksIntegrationInput!){namedWebhooksIntegrationCreate(input: $input){id}}",
                new { input = new { name, endpoint = "https://example.test/" + name, space = "root", enabled = true, labels = Array.Empty<string>() } },
                token)).AssertOk();
        }

        const string Page = "query($input:SearchInput!){searchNamedWebhooksIntegrations(input: $input){edges{node{id,createdAt}},pageInfo{endCursor,hasNextPage}}}";
        var first = (await client.PostAsync(Page, new { input = new { first = 2 } }, token)).AssertOk().Data.GetProperty("searchNamedWebhooksIntegrations");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await client.PostAsync(Page, new { input = new { first = 2, after = cursor } }, token)).AssertOk().Data.GetProperty("searchNamedWebhooksIntegrations");
        var filtered = await client.PostAsync(Page, new { input = new { first = 2, fullTextSearch = "hook" } }, token);

        Assert.Equal(["first-hook", "second-hook"], first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["third-hook"], second.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["the emulator does not filter named webhooks: send neither predicates nor fullTextSearch"], filtered.ErrorMessages);
    }
}
