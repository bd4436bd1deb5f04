using System.Diagnostics;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Cli.Http;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// A Port or Spacelift that does not answer is reported within seconds, with one progress line while
/// retries run and one final line that names the host and what was tried; the token is fetched once
/// at a time for every caller, and retries are bounded per run, not per caller.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class FailFastTests(ITestOutputHelper output)
{
    /// <summary>Refused connections are definitive: a few quick tries, then the verdict.</summary>
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ADeadPortIsReportedWithinSecondsNamingTheHost()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        var dead = new Uri($"http://127.0.0.1:{ClosedPort.Next()}/");
        sandbox.Environment["PORT_BASE_URL"] = dead.AbsoluteUri;

        var (run, elapsed) = await RunChildAsync(sandbox, "preview");

        Assert.True(elapsed < RefusedWithin, $"took {elapsed}");
        Expect.Exit(ExitCodes.Failure, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains(dead.Authority, line, StringComparison.Ordinal);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PORT_BASE_URL", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeadSpaceliftIsReportedWithinSecondsNamingTheHost()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        var dead = new Uri($"http://127.0.0.1:{ClosedPort.Next()}/");
        sandbox.Environment["SPACELIFT_API_KEY_ENDPOINT"] = dead.AbsoluteUri;

        var (run, elapsed) = await RunChildAsync(sandbox, "preview");

        Assert.True(elapsed < RefusedWithin, $"took {elapsed}");
        Expect.Exit(ExitCodes.Failure, run);
        Expect.OneLineError(run);
        Assert.Contains(dead.Authority, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("SPACELIFT_API_KEY_ENDPOINT", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortAnswering503GetsOneTokenFetchAtATimeOneProgressLineAndAFinalLineNamingTheHost()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, Faults = "port:503=1,port.auth:503=1" });
        const int maxRetries = 2;
        sandbox.Engines = Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration(), TimeProvider.System, new ClientOptions(MaxRetries: maxRetries));

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        // Every reader of the plan waits for the one token: one request and its retries, not one per reader.
        Assert.Equal(maxRetries + 1, sandbox.Emulators.Counters.Port.Total);
        Expect.Exit(ExitCodes.Failure, run);
        Expect.OneLineError(run);
        var line = run.ErrorLines[0];
        Assert.Contains(sandbox.Emulators.PortUrl.Authority, line, StringComparison.Ordinal);
        Assert.Contains("503", line, StringComparison.Ordinal);
        Assert.Contains($"{maxRetries + 1} attempts", line, StringComparison.Ordinal);
        var progress = run.Error.Split('\n').Where(l => l.Contains("retrying", StringComparison.Ordinal)).ToList();
        Assert.True(progress.Count == 1, $"expected one progress line, got {run}");
        Assert.Contains(sandbox.Emulators.PortUrl.Authority, progress[0], StringComparison.Ordinal);
    }

    private async Task<(CliRun Run, TimeSpan Elapsed)> RunChildAsync(Sandbox sandbox, string verb)
    {
        var clock = Stopwatch.StartNew();
        using var child = sandbox.StartChild(verb);
        // Bounded well above the target, so today's minutes of retries fail the test rather than hang it.
        var run = await child.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"{clock.Elapsed}: {run}");
        return (run, clock.Elapsed);
    }
}
