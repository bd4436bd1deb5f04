using System.Net;
using System.Net.Sockets;
using Emulators.Hosting;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>Where the host listens, what it refuses, and what it exposes.</summary>
public sealed class EmulatorHostTests
{
    [Fact]
    public async Task ListensOnTwoFreeLoopbackPortsByDefault()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1 });

        Assert.Equal("127.0.0.1", host.PortUrl.Host);
        Assert.Equal("127.0.0.1", host.SpaceliftUrl.Host);
        Assert.NotEqual(0, host.PortUrl.Port);
        Assert.NotEqual(host.PortUrl.Port, host.SpaceliftUrl.Port);
        Assert.Equal(new Uri(host.SpaceliftUrl, "graphql"), host.SpaceliftGraphQLUrl);
    }

    [Fact]
    public async Task HonoursGivenUrls()
    {
        var (portPort, spaceliftPort) = (FreePort(), FreePort());

        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            PortUrl = new Uri($"http://127.0.0.1:{portPort}"),
            SpaceliftUrl = new Uri($"http://localhost:{spaceliftPort}/"),
        });

        Assert.Equal(portPort, host.PortUrl.Port);
        Assert.Equal(spaceliftPort, host.SpaceliftUrl.Port);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://example.com:8080")]
    [InlineData("http://10.1.2.3:0")]
    public async Task RefusesNonLoopbackAddresses(string url)
    {
        var error = await Assert.ThrowsAsync<EmulatorUsageException>(() => EmulatorHost.StartAsync(new EmulatorOptions { SpaceliftUrl = new Uri(url) }));

        Assert.Contains("--spacelift-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesABadFaultSpecNamingThePart()
    {
        var error = await Assert.ThrowsAsync<EmulatorUsageException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Faults = "port:429=0.1,port:teapot=1" }));

        Assert.Contains("'port:teapot=1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortEmulatorGetsItsCredentialsAndBoundUrl()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { PortClientId = "cid", PortClientSecret = "csecret", StateFile = "org.json" });

        Assert.Equal(host.PortUrl, host.Port.PublicBaseUrl);
        Assert.Equal(("cid", "csecret", "org.json"), (host.Port.Options.ClientId, host.Port.Options.ClientSecret, host.Port.Options.StateFile));
        Assert.Equal(host.SpaceliftUrl, host.Spacelift.PublicBaseUrl);
    }

    [Fact]
    public async Task DisposeStopsListening()
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1 });
        var url = host.SpaceliftGraphQLUrl;

        await host.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
