using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>SPACELIFT_TOKEN rotation by <c>up</c>, against the Spacelift emulator's real expiry (with the self-renewing token as well, unless a test turns it off).</summary>
[Trait("Category", "Integration")]
public sealed class TokenRotationTests
{
    [Fact]
    public async Task UpRemintsWhenTheTokenExpiresWithinTheRotationWindow()
    {
        // Tokens live 30 minutes; the window is an hour, so every minted token is already due.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3, TokenLifetime = TimeSpan.FromMinutes(30) });
        sandbox.Config["infra:tokenRotationWindowMinutes"] = "60";
        // The rotation by up alone: with the self-renewing token, up mints only when the loop has stopped.
        sandbox.Config["infra:tokenRenewalLoop"] = "false";
        sandbox.WriteStackFile();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var first = sandbox.TokenSecret();

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        Assert.NotNull(first);
        Assert.NotEqual(first, sandbox.TokenSecret());
    }

    [Fact]
    public async Task UpSucceedsAndRemintsWhenTheTokenExpiredBeforeTheRun()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var first = sandbox.TokenSecret();
        sandbox.Clock.Advance(TimeSpan.FromHours(11));
        Assert.Null(sandbox.Emulators.Spacelift.Tokens.Authenticate("Bearer " + first));

        var up = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.Success, up);
        var second = sandbox.TokenSecret();
        Assert.NotEqual(first, second);
        Assert.NotNull(sandbox.Emulators.Spacelift.Tokens.Authenticate("Bearer " + second));
    }

    [Fact]
    public async Task SecondUpWithinTheWindowKeepsTheToken()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var first = sandbox.TokenSecret();

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        Assert.NotNull(first);
        Assert.Equal(first, sandbox.TokenSecret());
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }
}
