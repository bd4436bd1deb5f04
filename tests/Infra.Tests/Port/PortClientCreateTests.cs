using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Tests.Port.Support;
using Infra.Cli.Http;
using Infra.Tests.Support;

namespace Infra.Tests.Port;

public sealed class PortClientCreateTests
{
    private static readonly PortSettings Settings = new(TestPort.BaseUrl, TestPort.ClientId, new Secret(TestPort.ClientSecret));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(ClientOptions.MaxConcurrency + 1, 3)]
    [InlineData(4, -1)]
    [InlineData(4, ClientOptions.MaxRetryLimit + 1)]
    public void RefusesOptionsOutsideTheirRange(int concurrency, int maxRetries)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortClient.Create(Settings, new ClientOptions(concurrency, maxRetries)));
    }

    [Fact]
    public async Task KeepsThePathOfABaseUrlThatHasOne()
    {
        var handler = new StubHttpMessageHandler(request => request.Path.EndsWith("/access_token", StringComparison.Ordinal)
            ? Answers.PortToken("t")
            : TestPort.Envelope("blueprint"));
        var client = PortClient.Create(
            Settings with { BaseUrl = new Uri("https://proxy.test/port") },
            new ClientOptions(Handler: handler, Time: new InstantTimeProvider(), RequestTimeout: TimeSpan.FromMinutes(5)));

        await client.GetBlueprintAsync("b", CancellationToken.None);

        Assert.Equal(["/port/v1/auth/access_token", "/port/v1/blueprints/b"], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task DoesNotRetryWhenTheCallerCancels()
    {
        using var cancellation = new CancellationTokenSource();
        var port = new TestPort(async (_, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return TestPort.Envelope("blueprint");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => port.Client.GetBlueprintAsync("b", cancellation.Token));

        Assert.Single(port.ApiRequests);
        Assert.Equal(0, port.Statistics.Retries);
    }

    [Fact]
    public void ExposesItsStatistics()
    {
        var statistics = new ClientStatistics();

        var client = (PortClient)PortClient.Create(Settings, new ClientOptions(Statistics: statistics));

        Assert.Same(statistics, client.Statistics);
    }
}
