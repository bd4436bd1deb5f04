using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Unknowns;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Cli.Providers;
using Infra.Cli.Spacelift;
using Infra.Sdk;

namespace Infra.Tests.Spacelift;

/// <summary>
/// The Spacelift provider addresses named webhooks and policies by their declared name, whatever id Spacelift
/// generates from it (<c>--spacelift-ids</c>): a provider that never saw them (a fresh clone, another executor)
/// finds them by name, writes them under Spacelift's id, and never guesses between two of the same name.
/// </summary>
public sealed class SpaceliftLocateByNameTests
{
    private const string Name = "port-stack-state";

    [Theory]
    [InlineData(GeneratedIds.Slug, AbsentRead.Null)]
    [InlineData(GeneratedIds.SlugWithSuffix, AbsentRead.Null)]
    [InlineData(GeneratedIds.SlugWithSuffix, AbsentRead.NotFoundError)]
    public async Task AProviderThatNeverSawThemFindsUpdatesAndDeletesThemByName(GeneratedIds ids, AbsentRead absent)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftIds = ids, SpaceliftAbsentRead = absent });
        var created = await Provider(host).CreateAsync(ResourceKind.SpaceliftWebhook, Webhook(enabled: true), new Secret("s3cret"), CancellationToken.None);
        var fresh = Provider(host);

        var read = await fresh.ReadAsync(ResourceKind.SpaceliftWebhook, Name, CancellationToken.None);
        await fresh.UpdateAsync(ResourceKind.SpaceliftWebhook, Name, Webhook(enabled: false), null, CancellationToken.None);
        var updated = Assert.Single(host.Spacelift.NamedWebhooks.All());
        await Provider(host).DeleteAsync(ResourceKind.SpaceliftWebhook, Name, CancellationToken.None);

        Assert.Equal(created, read!["id"]!.GetValue<string>());
        Assert.Equal(ids == GeneratedIds.Slug, created == Name);
        Assert.Equal((created, false, "s3cret"), (updated.Id, updated.Enabled, updated.Secret));
        Assert.Empty(host.Spacelift.NamedWebhooks.All());
    }

    [Fact]
    public async Task APolicyIsFoundByNameInTheListOfPolicies()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftIds = GeneratedIds.SlugWithSuffix });
        var created = await Provider(host).CreateAsync(ResourceKind.SpaceliftPolicy, Policy(), null, CancellationToken.None);

        var read = await Provider(host).ReadAsync(ResourceKind.SpaceliftPolicy, "port-stack-state-routing", CancellationToken.None);

        Assert.StartsWith("port-stack-state-routing-", created, StringComparison.Ordinal);
        Assert.Equal(created, read!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoneByThatNameReadsAsAbsentAndItsDeleteIsDone()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftIds = GeneratedIds.SlugWithSuffix, SpaceliftAbsentRead = AbsentRead.NotFoundError });

        Assert.Null(await Provider(host).ReadAsync(ResourceKind.SpaceliftWebhook, Name, CancellationToken.None));
        await Provider(host).DeleteAsync(ResourceKind.SpaceliftWebhook, Name, CancellationToken.None);
    }

    [Fact]
    public async Task TwoByTheSameNameAreAReadNotToTrust()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftIds = GeneratedIds.SlugWithSuffix });
        var first = await Provider(host).CreateAsync(ResourceKind.SpaceliftWebhook, Webhook(enabled: true), null, CancellationToken.None);
        var second = await Provider(host).CreateAsync(ResourceKind.SpaceliftWebhook, Webhook(enabled: true), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ResourceReadException>(() => Provider(host).ReadAsync(ResourceKind.SpaceliftWebhook, Name, CancellationToken.None));

        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListPagesThroughMoreWebhooksThanOnePage()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftIds = GeneratedIds.SlugWithSuffix, SpaceliftPageCap = 50, SpaceliftOversizedPage = OversizedPage.Error });
        var provider = Provider(host);
        for (var i = 0; i < 55; i++)
        {
            await provider.CreateAsync(ResourceKind.SpaceliftWebhook, Webhook(enabled: true, name: $"other-{i}"), null, CancellationToken.None);
        }

        var last = await provider.CreateAsync(ResourceKind.SpaceliftWebhook, Webhook(enabled: true), null, CancellationToken.None);

        Assert.Equal(last, (await Provider(host).ReadAsync(ResourceKind.SpaceliftWebhook, Name, CancellationToken.None))!["id"]!.GetValue<string>());
    }

    private static SpaceliftResources Provider(EmulatorHost host)
        => new(SpaceliftClient.Create(new SpaceliftSettings(host.SpaceliftUrl, host.Options.SpaceliftKeyId, new Secret(host.Options.SpaceliftKeySecret)), new ClientOptions()));

    private static JsonObject Webhook(bool enabled, string name = Name) => new()
    {
        ["name"] = name,
        ["endpoint"] = "https://ingest.example/abc",
        ["space"] = "root",
        ["enabled"] = enabled,
        ["labels"] = new JsonArray(),
    };

    private static JsonObject Policy() => new()
    {
        ["name"] = "port-stack-state-routing",
        ["type"] = "NOTIFICATION",
        ["engineType"] = "REGO_V1",
        ["space"] = "root",
        ["labels"] = new JsonArray(),
        ["body"] = "package spacelift\n",
    };
}
