using Infra.Cli.Http;
using Infra.Cli.Shell.Running;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Infra.Tests.Cli;

/// <summary>Retries are shown on stderr as one line per host, then one line per quiet period: never a line per retry.</summary>
public sealed class RetryProgressLineTests
{
    private static RetryNotice Notice(string host = "http://127.0.0.1:9") =>
        new("Port", host, "POST /v1/auth/access_token", "HTTP 503", 1, 6, TimeSpan.FromSeconds(0.5));

    [Fact]
    public void ManyRetriesToOneHostPrintOneLineUntilTheQuietPeriodPasses()
    {
        var console = new TestConsole();
        var clock = new FakeTimeProvider();
        var line = new RetryProgressLine(console, clock);

        Parallel.For(0, 50, _ => line.OnRetry(Notice()));
        clock.Advance(RetryProgressLine.Quiet);
        line.OnRetry(Notice());

        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Port at http://127.0.0.1:9: HTTP 503 to POST /v1/auth/access_token; retrying (up to 6 times, next in 0.5 s)", lines[0].TrimEnd());
        Assert.Contains("still waiting, 51 retries so far", lines[1]);
    }

    [Fact]
    public void EachHostGetsItsOwnLine()
    {
        var console = new TestConsole();
        var line = new RetryProgressLine(console, new FakeTimeProvider());

        line.OnRetry(Notice("http://port.test"));
        line.OnRetry(Notice("http://spacelift.test"));
        line.OnRetry(Notice("http://port.test"));

        Assert.Equal(2, console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
