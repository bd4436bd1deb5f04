using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Diagnostics;
using Infra.Cli.Hosting;
using Infra.Cli.Shell;
using Infra.Cli.Shell.Io;
using Infra.Stacks;
using Infra.Tests.Support;
using Spectre.Console.Testing;

namespace Infra.Tests.Integration.TokenRenewal;

/// <summary>
/// The demo of the self-renewing token (README, "The token renews itself"): the demo keys that shape its
/// emulators, and the watch itself, with the demo stack's emulators running on their own on a fast clock
/// while the program runs once and then only previews.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DemoWatchTests
{
    [Fact]
    public void TheDemoKeysSetTheEmulatorsClockAndTokenLifetimeAndWhereTheyRun()
    {
        var config = new TestStackConfig(new Dictionary<string, string>
        {
            ["infra:demoTokenLifetimeSeconds"] = "3600",
            ["infra:demoClockSpeed"] = "60",
            ["infra:demoEmulators"] = "external",
        });

        var options = DemoEmulators.WithClock(new EmulatorOptions(), config);

        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifetime);
        Assert.Equal(60, options.ClockSpeed);
        Assert.Equal(DemoEmulators.External, DemoEmulators.Placement(config));
        Assert.Equal(DemoEmulators.InProcess, DemoEmulators.Placement(new TestStackConfig()));
        Assert.Equal(new EmulatorOptions().TokenLifetime, DemoEmulators.WithClock(new EmulatorOptions(), new TestStackConfig()).TokenLifetime);
    }

    [Theory]
    [InlineData("infra:demoEmulators", "elsewhere", "must be 'in-process' or 'external', got 'elsewhere'")]
    [InlineData("infra:demoClockSpeed", "0", "must be between 1 and 1000000, got '0'")]
    [InlineData("infra:demoTokenLifetimeSeconds", "0", "must be between 1 and 604800, got '0'")]
    public void ABadDemoKeyIsOneConfigurationError(string key, string value, string problem)
    {
        var config = new TestStackConfig(new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<ConfigException>(() =>
        {
            DemoEmulators.Placement(config);
            DemoEmulators.WithClock(new EmulatorOptions(), config);
        });

        Assert.Equal($"configuration key '{key}' {problem}", error.Message);
    }

    [Fact]
    public async Task WithTheDemosEmulatorsRunningOnTheirOwnPortKeepsRenewingAfterUpAndPreviewSeesNoDrift()
    {
        var directory = Directory.CreateTempSubdirectory("infra-demo-watch-").FullName;
        try
        {
            // The demo's emulators on their own, one emulated hour a token, 1,200 times real time: a renewal every 2.5 s.
            await using var emulators = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                PortUrl = new Uri($"http://127.0.0.1:{ClosedPort.Next()}"),
                SpaceliftUrl = new Uri($"http://127.0.0.1:{ClosedPort.Next()}"),
                Stacks = 3,
                TokenLifetime = TimeSpan.FromHours(1),
                ClockSpeed = 1200,
            });
            File.Copy(RepoFiles.ProjectFile, Path.Combine(directory, "Pulumi.yaml"));
            var demo = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepoFiles.ProjectFile)!, "Pulumi.demo.yaml"))
                .Replace("http://127.0.0.1:18780", emulators.PortUrl.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
                .Replace("http://127.0.0.1:18781", emulators.SpaceliftUrl.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(directory, "Pulumi.demo.yaml"), demo);

            Expect.Exit(ExitCodes.Success, await RunAsync(["up", "--stack", "demo", "--cwd", directory, "--yes"]));
            var renew = new RenewalLoopNames(ResourceNames.Guide).Renew;
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                while (emulators.Port.Runs().Count(r => r["action"]!["identifier"]!.GetValue<string>() == renew) < 2)
                {
                    await Task.Delay(200, timeout.Token);
                }
            }

            var preview = await RunAsync(["preview", "--stack", "demo", "--cwd", directory, "--expect-no-changes"]);

            Expect.Exit(ExitCodes.Success, preview);
            Assert.Contains("SPACELIFT_TOKEN renews itself in Port: next at", preview.Output, StringComparison.Ordinal);
            Assert.All(emulators.Port.Runs().Where(r => r["action"]!["identifier"]!.GetValue<string>() == renew), r => Assert.Equal("SUCCESS", r["status"]!.GetValue<string>()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<CliRun> RunAsync(string[] args)
    {
        var output = new TestConsole();
        var error = new TestConsole();
        output.Profile.Width = 4000;
        error.Profile.Width = 4000;
        var environment = new CliEnvironment(new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["INFRA_DEMO_EMULATORS"] = DemoEmulators.External });
        var host = new CliHost(output, error, environment, StandardInput.None, Engines.Create(new SpaceliftIntegration()), new StackConfigurationSource(environment), TimeProvider.System);
        return new CliRun(await CliApp.RunAsync(host, args, CancellationToken.None), output.Output, error.Output);
    }
}
