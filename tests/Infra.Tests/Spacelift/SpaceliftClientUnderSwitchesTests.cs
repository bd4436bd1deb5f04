using Emulators.Hosting;
using Emulators.Unknowns;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Cli.Spacelift;
using Infra.Sdk;

namespace Infra.Tests.Spacelift;

/// <summary>The real client against the Spacelift emulator under the switches that concern it.</summary>
public sealed class SpaceliftClientUnderSwitchesTests
{
    [Theory]
    [InlineData(AbsentRead.Null)]
    [InlineData(AbsentRead.NotFoundError)]
    [InlineData(AbsentRead.StacksNullOthersNotFound)]
    public async Task AnAbsentWebhookOrPolicyReadsAsAbsentAndItsDeleteIsDone(AbsentRead setting)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1, SpaceliftAbsentRead = setting });
        var client = SpaceliftClient.Create(new SpaceliftSettings(host.SpaceliftUrl, host.Options.SpaceliftKeyId, new Secret(host.Options.SpaceliftKeySecret)), new ClientOptions());

        Assert.Null(await client.GetResourceAsync(ResourceKind.SpaceliftWebhook, "port-stack-state", CancellationToken.None));
        Assert.Null(await client.GetResourceAsync(ResourceKind.SpaceliftPolicy, "port-stack-state-routing", CancellationToken.None));
        await client.DeleteResourceAsync(ResourceKind.SpaceliftPolicy, "port-stack-state-routing", CancellationToken.None);
    }

    [Theory]
    [InlineData(50, OversizedPage.Error)]
    [InlineData(100, OversizedPage.Clamp)]
    public async Task ListingPagesThroughEveryStackUnderEitherCap(int cap, OversizedPage oversized)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 120, SpaceliftPageCap = cap, SpaceliftOversizedPage = oversized });
        var client = SpaceliftClient.Create(new SpaceliftSettings(host.SpaceliftUrl, host.Options.SpaceliftKeyId, new Secret(host.Options.SpaceliftKeySecret)), new ClientOptions());

        var pages = new List<int>();
        await foreach (var page in client.ListStacksAsync(CancellationToken.None))
        {
            pages.Add(page.Count);
        }

        Assert.Equal([50, 50, 20], pages);
    }
}
