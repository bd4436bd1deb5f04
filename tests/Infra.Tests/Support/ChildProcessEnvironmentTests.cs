namespace Infra.Tests.Support;

/// <summary>
/// A developer may have real PORT_*, SPACELIFT_*, INFRA_* or PULUMI_* variables exported. The suite's
/// children (crash matrix, concurrency, the standalone emulators) must never inherit them, or an
/// <c>up --yes</c> in a test would reach that organisation. The parent environment is handed in, so
/// the test needs no change to its own process environment (which other tests read concurrently).
/// </summary>
public sealed class ChildProcessEnvironmentTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ChildNeverInheritsCredentialOrConfigVariables()
    {
        // Given a parent shell that exports a real organisation's settings
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
            ["PORT_BASE_URL"] = "https://api.getport.io",
            ["PORT_CLIENT_SECRET"] = "real-port-secret",
            ["SPACELIFT_API_KEY_ENDPOINT"] = "https://real.app.spacelift.io",
            ["INFRA_LONG_TESTS"] = "1",
            ["PULUMI_CONFIG_PASSPHRASE"] = "real-passphrase",
            ["UNRELATED_VARIABLE"] = "kept",
        };

        // When the launcher starts a child that prints its environment, setting one variable itself
        using var child = ChildProcess.Start(
            "/bin/sh",
            ["-c", "env"],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["PULUMI_CONFIG_PASSPHRASE"] = "test-passphrase" },
            parent);
        var run = await child.WaitAsync(Patience);

        // Then none of the parent's prefixed variables arrive; what the test set does, and the rest is inherited
        Assert.Equal(0, run.ExitCode);
        var names = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)[0]).ToList();
        Assert.DoesNotContain("PORT_BASE_URL", names);
        Assert.DoesNotContain("PORT_CLIENT_SECRET", names);
        Assert.DoesNotContain("SPACELIFT_API_KEY_ENDPOINT", names);
        Assert.DoesNotContain("INFRA_LONG_TESTS", names);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE=test-passphrase", run.Output.Split('\n'));
        Assert.DoesNotContain("real-passphrase", run.Output, StringComparison.Ordinal);
        Assert.Contains("UNRELATED_VARIABLE=kept", run.Output.Split('\n'));
    }

    [Fact]
    public void CleanEnvironmentDropsEveryGuardedPrefixButKeepsWhatTheTestSets()
    {
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PORT_CLIENT_ID"] = "a",
            ["SPACELIFT_API_KEY_ID"] = "b",
            ["INFRA_BLUEPRINT"] = "c",
            ["PULUMI_ACCESS_TOKEN"] = "d",
            ["HOME"] = "/home/someone",
        };

        var clean = ChildEnvironment.Build(parent, new Dictionary<string, string?>(StringComparer.Ordinal) { ["INFRA_X"] = "set", ["NO_COLOR"] = "1" });

        Assert.Equal(
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["HOME"] = "/home/someone", ["INFRA_X"] = "set", ["NO_COLOR"] = "1" },
            clean);
    }
}
