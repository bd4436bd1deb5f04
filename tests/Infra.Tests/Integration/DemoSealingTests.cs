using System.Net;
using System.Net.Sockets;
using Infra.Cli.Config;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Integration;

/// <summary>
/// The demo stack is sealed: a shell exported for a real account changes nothing about where it
/// connects, and a taken port is one line and exit 2. Each test copies the shipped demo stack file
/// and moves it to free ports, so it never meets a demo a developer is running on 18780.
/// </summary>
public sealed class DemoSealingTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _directory = Directory.CreateTempSubdirectory("infra-demo-").FullName;
    private readonly int _portPort = ClosedPort.Next();
    private readonly int _spaceliftPort = ClosedPort.Next();

    [Fact]
    public async Task ExportedRealAccountVariablesAreIgnoredAndNothingElseIsContacted()
    {
        WriteDemo();
        var contacted = 0;
        await using var real = new FakeHttpServer(_ =>
        {
            Interlocked.Increment(ref contacted);
            return Task.FromResult(new FakeResponse(500, "{}"));
        });
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NO_COLOR"] = "1",
            ["PORT_BASE_URL"] = real.Url.AbsoluteUri,
            ["PORT_CLIENT_ID"] = "real-client-id",
            ["PORT_CLIENT_SECRET"] = "real-client-secret",
            ["SPACELIFT_API_KEY_ENDPOINT"] = real.Url.AbsoluteUri,
            ["SPACELIFT_API_KEY_ID"] = "01HREALKEYREALKEYREALKEY00",
            ["SPACELIFT_API_KEY_SECRET"] = "real-key-secret",
        };

        using var child = ChildProcess.Start(["up", "--stack", "demo", "--yes", "--cwd", _directory], environment);
        var run = await child.WaitAsync(Timeout);
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.Success, run);
        Assert.Equal(0, contacted);
        // The plan's diagnostics, repeated with the outcome.
        var note = run.Output.Split('\n').First(l => l.Contains("info: demo stack: ignored", StringComparison.Ordinal));
        foreach (var variable in environment.Keys.Where(k => k != "NO_COLOR"))
        {
            Assert.Contains(variable, note, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("real-client-secret", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("real-key-secret", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATakenPortIsOneLineNamingTheAddressAndExitsTwo()
    {
        WriteDemo();
        var squatter = new TcpListener(IPAddress.Loopback, _portPort);
        squatter.Start();
        try
        {
            using var child = ChildProcess.Start(["preview", "--stack", "demo", "--cwd", _directory], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
            var run = await child.WaitAsync(Timeout);
            output.WriteLine(run.ToString());

            Expect.Exit(ExitCodes.UsageOrConfig, run);
            Expect.OneLineError(run);
            Assert.Contains($"127.0.0.1:{_portPort}", run.ErrorLines[0], StringComparison.Ordinal);
            Assert.Contains("in use", run.ErrorLines[0], StringComparison.Ordinal);
            Assert.Contains("Pulumi.demo.yaml", run.ErrorLines[0], StringComparison.Ordinal);
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public void TheLoaderTakesTheDemosEndpointsAndCredentialsFromItsFileOnly()
    {
        WriteDemo();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PORT_BASE_URL"] = "https://api.getport.io",
            ["SPACELIFT_API_KEY_SECRET"] = "real-key-secret",
            ["SPACELIFT_API_KEY_ID"] = "",
        };

        var config = StackConfigLoader.Load(_directory, "demo", environment);

        Assert.Equal(new Uri($"http://127.0.0.1:{_portPort}/"), config.Port.BaseUrl);
        Assert.Equal("emulator", config.Spacelift.ApiKeySecret.Reveal());
        Assert.Equal(["PORT_BASE_URL", "SPACELIFT_API_KEY_SECRET"], config.Settings.Demo!.IgnoredVariables);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A child may still be letting go of a file; temp folders are cleaned eventually.
        }
    }

    private void WriteDemo()
    {
        var root = Path.GetDirectoryName(RepoFiles.ProjectFile)!;
        File.Copy(RepoFiles.ProjectFile, Path.Combine(_directory, "Pulumi.yaml"));
        var demo = File.ReadAllText(Path.Combine(root, "Pulumi.demo.yaml"))
            .Replace("http://127.0.0.1:18780", $"http://127.0.0.1:{_portPort}", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:18781", $"http://127.0.0.1:{_spaceliftPort}", StringComparison.Ordinal);
        Assert.Contains(_portPort.ToString(System.Globalization.CultureInfo.InvariantCulture), demo, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_directory, "Pulumi.demo.yaml"), demo);
    }
}
