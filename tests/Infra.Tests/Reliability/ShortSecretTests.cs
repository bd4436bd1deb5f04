using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>The masker hides secrets, never the words around them nor the identifiers shown in clear.</summary>
[Trait("Category", "Reliability")]
public sealed class ShortSecretTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AOneLetterSecretLeavesTheMessageReadable()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        sandbox.Environment["PORT_CLIENT_SECRET"] = "e";

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.Authentication, run);
        Assert.Contains("refused client id emulator (The client id or client secret is wrong, HTTP 401)", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("[secret]", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientIdEqualToTheSecretIsShown()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, PortClientSecret = "the-real-secret-4711" });
        var clientId = sandbox.Emulators.Options.PortClientId;
        sandbox.Environment["PORT_CLIENT_SECRET"] = clientId;

        var run = await sandbox.Cli("preview");
        output.WriteLine(run.ToString());

        Expect.Exit(ExitCodes.Authentication, run);
        Assert.Contains($"refused client id {clientId} (", run.ErrorLines[0], StringComparison.Ordinal);
    }
}
