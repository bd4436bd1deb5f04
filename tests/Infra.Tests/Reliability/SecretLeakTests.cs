using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Engine;
using Infra.Tests.Support;
using Xunit.Abstractions;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Reliability;

/// <summary>
/// Distinctive secret values run through every command path, error paths included (a Port 422 whose
/// body echoes the request among them); none may show up in stdout, stderr, JSON, files or exception text.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SecretLeakTests(ITestOutputHelper output)
{
    private const string PortSecret = "PortSecret-7f3a9c1e-LEAKCHECK";
    private const string SpaceliftSecret = "SpaceliftSecret-b81d44e2-LEAKCHECK";
    private const string Passphrase = "Passphrase-0c5e7d21-LEAKCHECK";
    private const string WrongPortSecret = "WrongPortSecret-55aa01f3-LEAKCHECK";
    private const string WrongSpaceliftSecret = "WrongSpaceliftSecret-9e2b6c70-LEAKCHECK";

    private int _echoed;

    [Fact]
    public async Task NoSecretValueAppearsOnAnyCommandPath()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 5, PortClientSecret = PortSecret, SpaceliftKeySecret = SpaceliftSecret });
        sandbox.Environment["PULUMI_CONFIG_PASSPHRASE"] = Passphrase;
        sandbox.SetSecret("port:secret", PortSecret);
        sandbox.SetSecret("spacelift:apiKeySecret", SpaceliftSecret);
        var scan = new SecretScan();

        async Task Run(string path, string verb, params string[] extra) => scan.AddRun(path, await sandbox.Cli(verb, extra));

        await Run("preview", "preview");
        await Run("preview --diff", "preview", "--diff", "--show-sames");
        await Run("preview --json", "preview", "--json", "--show-sames");
        await Run("preview --format markdown", "preview", "--format", "markdown");
        await Run("up", "up", "--yes", "--diff");
        await Run("preview --diff after up", "preview", "--diff", "--show-sames");
        await Run("preview --json after up", "preview", "--json", "--show-sames");
        sandbox.Clock.Advance(TimeSpan.FromHours(11));
        await Run("up --json rotating an expired token", "up", "--yes", "--json", "--show-sames");
        await Run("up --diff with nothing to do", "up", "--yes", "--diff", "--show-sames");
        await Run("refresh", "refresh", "--yes", "--diff");
        await Run("refresh --json", "refresh", "--yes", "--json");
        await Run("config list", "config list");
        await Run("config get port:secret", "config get", "port:secret");
        await Run("config get spacelift:apiKeySecret", "config get", "spacelift:apiKeySecret");

        sandbox.Environment["PORT_CLIENT_SECRET"] = WrongPortSecret;
        await Run("preview with a wrong Port secret", "preview");
        await CheckEngineExceptionAsync(sandbox, scan, "engine exception with a wrong Port secret");
        sandbox.Environment.Remove("PORT_CLIENT_SECRET");
        sandbox.Environment["SPACELIFT_API_KEY_SECRET"] = WrongSpaceliftSecret;
        await Run("preview with a wrong Spacelift secret", "preview");
        await CheckEngineExceptionAsync(sandbox, scan, "engine exception with a wrong Spacelift secret");
        sandbox.Environment.Remove("SPACELIFT_API_KEY_SECRET");
        await Run("destroy", "destroy", "--yes", "--diff");

        // Port answering 422 with the request body echoed in the message: first on the token request,
        // then on every secret write (which carries the API key secret and the minted token).
        await using (var echo = new FakeHttpServer(request => EchoingPortAsync(sandbox, request, echoAuth: true)))
        {
            sandbox.Config["port:baseUrl"] = echo.Url.AbsoluteUri;
            sandbox.WriteStackFile();
            sandbox.SetSecret("port:secret", PortSecret);
            sandbox.SetSecret("spacelift:apiKeySecret", SpaceliftSecret);
            await Run("up against a Port echoing the token request in a 422", "up", "--yes");
            await CheckEngineExceptionAsync(sandbox, scan, "engine exception from a 422 echoing the token request");
        }

        var echoedTokenRequests = _echoed;

        await using (var echo = new FakeHttpServer(request => EchoingPortAsync(sandbox, request, echoAuth: false)))
        {
            sandbox.Config["port:baseUrl"] = echo.Url.AbsoluteUri;
            sandbox.WriteStackFile();
            sandbox.SetSecret("port:secret", PortSecret);
            sandbox.SetSecret("spacelift:apiKeySecret", SpaceliftSecret);
            await Run("up against a Port echoing secret writes in a 422", "up", "--yes", "--diff");
            await Run("up --json against a Port echoing secret writes in a 422", "up", "--yes", "--json");
        }

        scan.AddFiles("project folder", sandbox.Directory);
        scan.AddValue("Port client secret", PortSecret);
        scan.AddValue("Spacelift API key secret", SpaceliftSecret);
        scan.AddValue("passphrase", Passphrase);
        scan.AddValue("wrong Port secret", WrongPortSecret);
        scan.AddValue("wrong Spacelift secret", WrongSpaceliftSecret);
        var jwts = sandbox.Emulators.Spacelift.Tokens.Issued;
        for (var i = 0; i < jwts.Count; i++)
        {
            scan.AddValue($"Spacelift JWT #{i + 1}", jwts[i].Jwt);
        }

        var leaks = scan.Leaks();
        output.WriteLine($"secrets leaked: {leaks.Count} ({scan.PlaceCount} outputs and files checked for {scan.ValueCount} values)");
        foreach (var leak in leaks)
        {
            output.WriteLine("LEAK " + leak);
        }

        Assert.True(jwts.Count >= 2, "the run minted fewer tokens than the scan expects");
        Assert.True(echoedTokenRequests > 0 && _echoed > echoedTokenRequests, "the echoing Port never answered a 422");
        Assert.Empty(leaks);
    }

    /// <summary>Exception text the command line would not print (inner exceptions, stack) must be clean too.</summary>
    private static async Task CheckEngineExceptionAsync(Sandbox sandbox, SecretScan scan, string where)
    {
        try
        {
            var configuration = StackConfigLoader.Load(sandbox.Directory, Sandbox.StackName, sandbox.Environment);
            await using var engine = await Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration(), sandbox.Clock).CreateAsync(configuration, "preview", exclusive: false, CancellationToken.None);
            await engine.PlanAsync(Operation.Update, new PlanOptions(false), CancellationToken.None);
            scan.AddText(where + " (no exception)", "");
        }
        catch (Exception e)
        {
            scan.AddText(where, e.ToString());
        }
    }

    private async Task<FakeResponse> EchoingPortAsync(Sandbox sandbox, FakeRequest request, bool echoAuth)
    {
        var isAuth = request.Path.StartsWith("/v1/auth", StringComparison.Ordinal);
        var isSecretWrite = request.Path.StartsWith("/v1/organization/secrets", StringComparison.Ordinal) && request.Method != "GET";
        if ((echoAuth && isAuth) || (!echoAuth && isSecretWrite))
        {
            Interlocked.Increment(ref _echoed);
            var error = new JsonObject { ["ok"] = false, ["error"] = "invalid_request", ["message"] = "the request body is invalid: " + request.Body };
            return new FakeResponse(422, error.ToJsonString());
        }

        return await Forwarder.ForwardAsync(sandbox.Emulators.PortUrl, request);
    }
}
