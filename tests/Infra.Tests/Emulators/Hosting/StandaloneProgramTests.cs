using System.Diagnostics;
using System.Text.RegularExpressions;
using Emulators.Hosting;
using Infra.Tests.Emulators.Spacelift;
using Infra.Tests.Support;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>The standalone program, run as a child process from the test's output folder.</summary>
public sealed partial class StandaloneProgramTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ServesBothEmulatorsAndStopsCleanlyOnSigterm()
    {
        // Given the program started on free ports
        using var process = Start("--port-url", "http://127.0.0.1:0", "--spacelift-url", "http://127.0.0.1:0", "--stacks", "7");
        try
        {
            var graphQLUrl = await ReadSpaceliftUrlAsync(process);

            // When a client logs in and lists stacks
            using var client = new GraphQLTestClient(graphQLUrl);
            var token = await client.MintTokenAsync();
            var stacks = (await client.PostAsync("{stacks{id}}", token: token)).AssertOk().Data.GetProperty("stacks").GetArrayLength();

            // Then it answers, and SIGTERM stops it with exit code 0
            Assert.Equal(7, stacks);
            await SendSigtermAsync(process.Id);
            using var timeout = new CancellationTokenSource(Patience);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Emulators stopped.", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            // A failed assertion must not leave the child running.
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--stacks", "many")]
    [InlineData("--port-url", "http://0.0.0.0:8080")]
    public async Task BadFlagExitsWithCode2AndOneLineError(params string[] args)
    {
        using var process = Start(args);
        using var timeout = new CancellationTokenSource(Patience);

        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var error = (await process.StandardError.ReadToEndAsync()).Trim();
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task HelpPrintsUsageAndExitsZero()
    {
        using var process = Start("--help");
        using var timeout = new CancellationTokenSource(Patience);

        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("--spacelift-url", output, StringComparison.Ordinal);
        Assert.Contains("spared unless named", output, StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        ChildEnvironment.Apply(info, new Dictionary<string, string?>(StringComparer.Ordinal));
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<Uri> ReadSpaceliftUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Patience);
        for (var line = 0; line < 10; line++)
        {
            var text = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("the program ended: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            var match = SpaceliftLine().Match(text);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("the program did not print the Spacelift URL");
    }

    [GeneratedRegex(@"^Spacelift emulator: +(\S+)")]
    private static partial Regex SpaceliftLine();

    private static async Task SendSigtermAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var timeout = new CancellationTokenSource(Patience);
        await kill.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, kill.ExitCode);
    }
}
