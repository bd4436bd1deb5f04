using Emulators.Hosting;
using Emulators.Spacelift.Stacks;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;
using Infra.Stacks;

namespace Infra.Tests.Reliability;

/// <summary>
/// Every credential is proven before anything is written: a refused Port secret, a refused Spacelift
/// key, an endpoint that is not Spacelift, or a key revoked mid-run writes nothing, and the one error
/// line names the credential at fault by its key and environment variable, with the key id in clear.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class CredentialProofTests(ITestOutputHelper output)
{
    private const string WrongSecret = "wrong-f00d";

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    public async Task AWrongSpaceliftSecretWritesNothingAndNamesTheKey(string verb)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var keySecretBefore = sandbox.Emulators.Port.SecretValue(ResourceNames.Guide.ApiKeySecretSecret);
        var keyId = sandbox.Emulators.Options.SpaceliftKeyId;
        sandbox.Emulators.Spacelift.Stacks.Add(new EmulatedStack { Id = "added-later", Name = "Added later", CreatedAt = 1_764_000_000 });
        sandbox.Environment["SPACELIFT_API_KEY_SECRET"] = WrongSecret;

        var run = verb == "up" ? await sandbox.Cli("up", "--yes") : await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.Authentication, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains(keyId, line, StringComparison.Ordinal);
        Assert.Contains("spacelift:apiKeySecret", line, StringComparison.Ordinal);
        Assert.Contains("SPACELIFT_API_KEY_SECRET", line, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, run.All, StringComparison.Ordinal);
        Assert.Equal(keySecretBefore, sandbox.Emulators.Port.SecretValue(ResourceNames.Guide.ApiKeySecretSecret));
        Assert.DoesNotContain("added-later", sandbox.EntityIds());
    }

    [Fact]
    public async Task AWrongSpaceliftSecretOnAnEmptyOrganisationCreatesNothing()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Environment["SPACELIFT_API_KEY_SECRET"] = WrongSecret;

        var run = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.Authentication, run);
        Expect.OneLineError(run);
        Assert.Null(sandbox.Emulators.Port.Blueprint(Sandbox.Blueprint));
        Assert.Null(sandbox.Emulators.Port.SecretMetadata(ResourceNames.Guide.ApiKeySecretSecret));
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    public async Task AWrongPortSecretNamesPortsKeyAndWritesNothing(string verb)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Environment["PORT_CLIENT_SECRET"] = WrongSecret;

        var run = verb == "up" ? await sandbox.Cli("up", "--yes") : await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.Authentication, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains(sandbox.Emulators.Options.PortClientId, line, StringComparison.Ordinal);
        Assert.Contains("port:secret", line, StringComparison.Ordinal);
        Assert.Contains("PORT_CLIENT_SECRET", line, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, run.All, StringComparison.Ordinal);
        Assert.Null(sandbox.Emulators.Port.Blueprint(Sandbox.Blueprint));
    }

    [Theory]
    [InlineData("HTML")]
    [InlineData("404")]
    public async Task AnEndpointThatIsNotSpaceliftWritesNothingAndNamesTheEndpoint(string answer)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        await using var fake = new FakeHttpServer(_ => Task.FromResult(answer == "HTML"
            ? new FakeResponse(200, "<html><body>Welcome to nginx!</body></html>", "text/html")
            : new FakeResponse(404, """{"message":"Not Found"}""")));
        sandbox.Environment["SPACELIFT_API_KEY_ENDPOINT"] = fake.Url.AbsoluteUri;

        var run = await sandbox.Cli("up", "--yes");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.UsageOrConfig, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains("spacelift:apiKeyEndpoint", line, StringComparison.Ordinal);
        Assert.Contains("SPACELIFT_API_KEY_ENDPOINT", line, StringComparison.Ordinal);
        Assert.Contains(fake.Url.Authority, line, StringComparison.Ordinal);
        Assert.Null(sandbox.Emulators.Port.Blueprint(Sandbox.Blueprint));
        Assert.Null(sandbox.Emulators.Port.SecretMetadata(ResourceNames.Guide.ApiKeySecretSecret));
    }

    [Fact]
    public async Task ATokenThatExpiresMidRunIsRemintedAndTheRunCompletes()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 120 });
        // After the first page of stacks, every token issued so far stops working.
        await using var proxy = SpaceliftAfterFirstStackPage(sandbox, () => sandbox.Emulators.Spacelift.Tokens.ExpireAll());

        var run = await sandbox.Cli("up", "--yes");
        output.WriteLine(run.ToString());

        Assert.True(proxy.StackPages > 1, "the listing never went past its first page");
        Expect.Exit(ExitCodes.Success, run);
        sandbox.AssertEntitiesMatchStacks();
    }

    [Fact]
    public async Task AKeyRevokedMidRunWritesNothingAndNamesTheKey()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 120 });
        var keyId = sandbox.Emulators.Options.SpaceliftKeyId;
        await using var proxy = SpaceliftAfterFirstStackPage(sandbox, () =>
        {
            sandbox.Emulators.Spacelift.Tokens.RemoveApiKey(keyId);
            sandbox.Emulators.Spacelift.Tokens.ExpireAll();
        });

        var run = await sandbox.Cli("up", "--yes");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.Authentication, run);
        Expect.OneLineError(run);
        Assert.Contains(keyId, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("SPACELIFT_API_KEY_ID", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Null(sandbox.Emulators.Port.Blueprint(Sandbox.Blueprint));
    }

    /// <summary>
    /// Points the stack at a proxy of the sandbox's Spacelift that runs <paramref name="afterFirstPage"/>
    /// once, right after answering the first page of the stack listing.
    /// </summary>
    private static StackPageProxy SpaceliftAfterFirstStackPage(Sandbox sandbox, Action afterFirstPage)
    {
        var proxy = new StackPageProxy(sandbox.Emulators.SpaceliftUrl, afterFirstPage);
        sandbox.Config["spacelift:apiKeyEndpoint"] = proxy.Url.AbsoluteUri;
        sandbox.WriteStackFile();
        return proxy;
    }

    private sealed class StackPageProxy : IAsyncDisposable
    {
        private readonly FakeHttpServer _server;
        private int _pages;

        public StackPageProxy(Uri spacelift, Action afterFirstPage)
        {
            _server = new FakeHttpServer(async request =>
            {
                var response = await Forwarder.ForwardAsync(spacelift, request);
                if (request.Body.Contains("searchStacks", StringComparison.Ordinal) && Interlocked.Increment(ref _pages) == 1)
                {
                    afterFirstPage();
                }

                return response;
            });
        }

        public Uri Url => _server.Url;

        /// <summary>Pages of the stack listing the proxy has answered.</summary>
        public int StackPages => Volatile.Read(ref _pages);

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
