using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Stacks;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine;
using Infra.Cli.Port;
using Infra.Tests.Support;
using Infra.Cli.Http;

namespace Infra.Tests.Reliability;

/// <summary>
/// Bad input of every kind gets one line naming what is wrong, the right exit code and no stack trace:
/// bad configuration and flags, Spacelift data Port would reject, and Port answers of the wrong kind.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class BadInputTests
{
    [Theory]
    [InlineData("malformed YAML", "Pulumi.ci.yaml")]
    [InlineData("unknown stack", "nosuchstack")]
    [InlineData("missing key", "port:clientId")]
    [InlineData("wrong passphrase", "passphrase")]
    [InlineData("endpoint that is not a URL", "not a url")]
    [InlineData("plain http to a remote host", "port.example.com")]
    [InlineData("unknown flag", "'frobnicate'")]
    [InlineData("non-numeric setting", "infra:concurrency")]
    public async Task BadConfigurationOrFlagsExitTwoWithOneLineNamingTheCulprit(string input, string named)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        var args = new List<string> { "preview", "--stack", Sandbox.StackName, "--cwd", sandbox.Directory };
        switch (input)
        {
            case "malformed YAML":
                File.WriteAllText(sandbox.StackFile, "config:\n  port:baseUrl: [unclosed\n  port:clientId: x\n");
                break;
            case "unknown stack":
                args[2] = "nosuchstack";
                break;
            case "missing key":
                sandbox.Config.Remove("port:clientId");
                sandbox.WriteStackFile();
                break;
            case "wrong passphrase":
                sandbox.Environment["PULUMI_CONFIG_PASSPHRASE"] = "the right one";
                sandbox.SetSecret("port:secret", sandbox.Emulators.Options.PortClientSecret);
                sandbox.Environment["PULUMI_CONFIG_PASSPHRASE"] = "a wrong one";
                break;
            case "endpoint that is not a URL":
                sandbox.Config["spacelift:apiKeyEndpoint"] = "not a url";
                sandbox.WriteStackFile();
                break;
            case "plain http to a remote host":
                sandbox.Config["port:baseUrl"] = "http://port.example.com";
                sandbox.WriteStackFile();
                break;
            case "unknown flag":
                args.Add("--frobnicate");
                break;
            case "non-numeric setting":
                sandbox.Config["infra:concurrency"] = "lots";
                sandbox.WriteStackFile();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input, null);
        }

        var run = await sandbox.RunAsync(args);

        Expect.Exit(ExitCodes.UsageOrConfig, run);
        Expect.OneLineError(run);
        Assert.Contains(named, run.ErrorLines[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InsecureFlagAllowsPlainHttpToAHostThatIsNotLoopback()
    {
        // 0.0.0.0 is not loopback by name but reaches this machine, where nothing listens on the port: refused at once.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Config["port:baseUrl"] = $"http://0.0.0.0:{ClosedPort.Next()}/";
        sandbox.WriteStackFile();
        sandbox.Engines = Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration(), TimeProvider.System, new ClientOptions(MaxRetries: 0));

        var refused = await sandbox.Cli("preview");
        var allowed = await sandbox.Cli("preview", "--insecure");

        Expect.Exit(ExitCodes.UsageOrConfig, refused);
        Assert.Contains("--insecure", refused.ErrorLines[0], StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Failure, allowed);
        Expect.OneLineError(allowed);
    }

    [Theory]
    [InlineData("over-long id")]
    [InlineData("over-long name")]
    [InlineData("odd unicode")]
    [InlineData("ids differing only in case")]
    [InlineData("null and empty fields")]
    [InlineData("huge label list")]
    public async Task SpaceliftDataPortWouldRejectIsSkippedOrRepairedWithAWarning(string data)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        var stacks = sandbox.Emulators.Spacelift.Stacks;
        var odd = Odd(data);
        foreach (var stack in odd)
        {
            stacks.Add(stack);
        }

        var up = await sandbox.Cli("up", "--yes");

        Assert.DoesNotContain("   at ", up.All, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, up);
        var warned = odd.Where(s => up.All.Contains(s.Id.Length > 60 ? s.Id[..60] : s.Id, StringComparison.Ordinal)).ToArray();
        Assert.True(warned.Length > 0 || odd.All(s => sandbox.EntityIds().Contains(s.Id)), $"neither stored nor named in a warning: {up}");
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task DuplicateStackIdsInSpaceliftsAnswerAreSkippedWithAWarning()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        var duplicated = 0;
        await using var proxy = new FakeHttpServer(async request =>
        {
            var response = await Forwarder.ForwardAsync(sandbox.Emulators.SpaceliftUrl, request);
            if (JsonNode.Parse(response.Body)?["data"]?["searchStacks"]?["edges"] is JsonArray { Count: > 0 } edges)
            {
                edges.Add(edges[0]!.DeepClone());
                Interlocked.Increment(ref duplicated);
                return response with { Body = edges.Root.ToJsonString() };
            }

            return response;
        });
        sandbox.Config["spacelift:apiKeyEndpoint"] = proxy.Url.AbsoluteUri;
        sandbox.WriteStackFile();

        var up = await sandbox.Cli("up", "--yes");

        Assert.True(duplicated > 0, "the proxy never saw a stack page");
        Expect.Exit(ExitCodes.Success, up);
        Assert.Contains("duplicate", up.All, StringComparison.OrdinalIgnoreCase);
        sandbox.AssertEntitiesMatchStacks();
    }

    [Theory]
    [InlineData("token answer that is not JSON")]
    [InlineData("token answer of the wrong shape")]
    [InlineData("reads answered with the wrong shape")]
    [InlineData("reads answered with HTML")]
    public async Task PortAnswersOfTheWrongKindGiveOneLineAndNoTrace(string answer)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        await using var fake = new FakeHttpServer(request => Task.FromResult(FakePort(answer, request)));
        sandbox.Config["port:baseUrl"] = fake.Url.AbsoluteUri;
        sandbox.WriteStackFile();

        var run = await sandbox.Cli("preview");

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.NotEqual(ExitCodes.Internal, run.ExitCode);
        Expect.OneLineError(run);
        Assert.Contains("port", run.ErrorLines[0], StringComparison.OrdinalIgnoreCase);
    }

    private static FakeResponse FakePort(string answer, FakeRequest request)
    {
        var isToken = request.Path.StartsWith("/v1/auth", StringComparison.Ordinal);
        return answer switch
        {
            "token answer that is not JSON" => new FakeResponse(200, "<html>gateway says hi</html>", "text/html"),
            "token answer of the wrong shape" => new FakeResponse(200, """{"ok":true,"token":{"nested":1}}"""),
            "reads answered with the wrong shape" when isToken => new FakeResponse(200, """{"ok":true,"accessToken":"fake","expiresIn":3600,"tokenType":"Bearer"}"""),
            "reads answered with the wrong shape" => new FakeResponse(200, """{"ok":true,"blueprint":[1,2,3],"entities":"none","actions":7,"secrets":null}"""),
            "reads answered with HTML" when isToken => new FakeResponse(200, """{"ok":true,"accessToken":"fake","expiresIn":3600,"tokenType":"Bearer"}"""),
            _ => new FakeResponse(200, "<html><body>maintenance</body></html>", "text/html"),
        };
    }

    private static EmulatedStack[] Odd(string data)
    {
        const long created = 1_764_000_000;
        return data switch
        {
            "over-long id" => [new EmulatedStack { Id = "x" + new string('a', 1200), Name = "Over-long id", CreatedAt = created }],
            "over-long name" => [new EmulatedStack { Id = "long-name", Name = new string('N', 400), CreatedAt = created }],
            "odd unicode" => [new EmulatedStack { Id = "odd-unicode", Name = "nul\u0000 rtl\u202Eevil lone\uD800 zero\u200Bwidth", Description = "bell\u0007", CreatedAt = created }],
            "ids differing only in case" => [
                new EmulatedStack { Id = "case-twin", Name = "Case twin", CreatedAt = created },
                new EmulatedStack { Id = "Case-Twin", Name = "Case Twin", CreatedAt = created }],
            "null and empty fields" => [new EmulatedStack
            {
                // Only fields Spacelift's schema lets be null are null; the non-null ones are empty instead.
                Id = "null-fields", Name = "Null fields", CreatedAt = created, Description = null, ProjectRoot = null, Repository = "", Branch = "",
            }],
            "huge label list" => [new EmulatedStack
            {
                Id = "many-labels", Name = "Many labels", CreatedAt = created, Labels = [.. Enumerable.Range(0, 5000).Select(i => $"label-{i}")],
            }],
            _ => throw new ArgumentOutOfRangeException(nameof(data), data, null),
        };
    }
}
