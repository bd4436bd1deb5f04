using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// A URL that reaches something other than the service (another server, the other service, a wrong
/// path) is a configuration error, exit 2, naming the URL, its key and what answered; only the
/// service's own refusal of the credentials is exit 3. Users must not rotate secrets that are fine.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class WrongEndpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ASpaceliftUrlPointingAtPortIsAWrongEndpointNotARefusedKey()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Environment["SPACELIFT_API_KEY_ENDPOINT"] = sandbox.Emulators.PortUrl.AbsoluteUri;

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.UsageOrConfig, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains(sandbox.Emulators.PortUrl.Authority, line, StringComparison.Ordinal);
        Assert.Contains("SPACELIFT_API_KEY_ENDPOINT", line, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", line, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", line, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(404, """{"message":"Not Found"}""", "application/json")]
    [InlineData(401, """{"message":"Bad credentials"}""", "application/json")]
    [InlineData(403, "<html><body>Forbidden</body></html>", "text/html")]
    [InlineData(200, "<html><body>Welcome to nginx!</body></html>", "text/html")]
    public async Task APortUrlPointingAtAnotherServerIsAWrongEndpointNamingWhatAnswered(int status, string body, string contentType)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        await using var other = new FakeHttpServer(_ => Task.FromResult(new FakeResponse(status, body, contentType)));
        sandbox.Environment["PORT_BASE_URL"] = other.Url.AbsoluteUri;

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.UsageOrConfig, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains(other.Url.Authority, line, StringComparison.Ordinal);
        Assert.Contains("port:baseUrl", line, StringComparison.Ordinal);
        Assert.Contains("PORT_BASE_URL", line, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APortUrlPointingAtSpaceliftIsAWrongEndpoint()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Environment["PORT_BASE_URL"] = sandbox.Emulators.SpaceliftUrl.AbsoluteUri;

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.UsageOrConfig, run);
        Expect.OneLineError(run);
        Assert.Contains(sandbox.Emulators.SpaceliftUrl.Authority, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("PORT_BASE_URL", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortUrlEndingInV1IsAWrongPathAndSaysWhichUrlToUse()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        var root = sandbox.Emulators.PortUrl.AbsoluteUri;
        sandbox.Environment["PORT_BASE_URL"] = root + "v1";

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.UsageOrConfig, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains("/v1", line, StringComparison.Ordinal);
        Assert.Contains("PORT_BASE_URL", line, StringComparison.Ordinal);
        Assert.EndsWith(root, line, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Emulators.Counters.Port.Total);
    }

    [Fact]
    public async Task PortsOwnRefusalOfTheSecretIsStillRefusedCredentials()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Environment["PORT_CLIENT_SECRET"] = "not-the-secret";

        var run = await sandbox.Cli("preview");

        Expect.Exit(ExitCodes.Authentication, run);
        Assert.Contains($"Port at {sandbox.Emulators.PortUrl}", run.ErrorLines[0], StringComparison.Ordinal);
    }
}
