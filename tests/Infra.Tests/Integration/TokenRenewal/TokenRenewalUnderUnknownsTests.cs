using Emulators.Hosting;
using Emulators.Port.Runs;
using Emulators.Port.Timers;
using Infra.Cli.Diagnostics;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Integration.TokenRenewal;

/// <summary>
/// The self-renewing token's main flows under each answer the emulators can give where Port's and
/// Spacelift's sources are silent (docs/unknowns.md, "The self-renewing token"): the value of a timer after
/// it fired, whether a timer written in the past fires, whether UPSERT_ENTITY merges or replaces, whether a
/// revoked key's tokens end with it, and every other switch at its less convenient answer.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TokenRenewalUnderUnknownsTests
{
    public static TheoryData<string> Settings => [.. Options.Keys];

    private static readonly Dictionary<string, EmulatorOptions> Options = new(StringComparer.Ordinal)
    {
        ["defaults"] = new EmulatorOptions(),
        ["timer cleared after expiry"] = new EmulatorOptions { PortTimerAfterExpiry = TimerAfterExpiry.Clear },
        ["past timers skipped"] = new EmulatorOptions { PortPastTimersFire = false },
        ["upsert replaces"] = new EmulatorOptions { PortUpsertEntityUpdate = UpsertEntityUpdate.Replace },
        // The preset includes the loop's own switches at their less convenient answers.
        ["all inconvenient"] = EmulatorOptions.Inconvenient,
    };

    private static readonly HashSet<string> EndsIssuedTokens = new(["defaults", "past timers skipped", "all inconvenient"], StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task TheLoopKeepsTheTokenWithoutDriftAndVerifyProvesIt(string setting)
    {
        await using var world = await RenewalSandbox.StartAsync(Options[setting]);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));

        await world.PassAsync(TimeSpan.FromHours(3));

        Assert.Equal(3, (await world.RunsAsync(world.Loop.Renew)).Count);
        Assert.Equal(3, (await world.RunsAsync(world.Loop.Store)).Count);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("preview", "--expect-no-changes"));
        var verify = await world.Sandbox.Cli("verify");
        Expect.Exit(ExitCodes.Success, verify);
        Assert.Contains("  ok   renewal", verify.Output, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("preview", "--expect-no-changes"));
        var trigger = await world.TriggerAsync();
        Assert.NotNull(trigger["response"]!["data"]!["runTrigger"]!["id"]);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task ARefusedKeyStopsTheLoopAfterOneRenewalAndPreviewAndVerifySaySo(string setting)
    {
        await using var world = await RenewalSandbox.StartAsync(Options[setting]);
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        // Whether a deleted key's tokens end with it is itself unknown: both answers, across the settings.
        var endTokens = EndsIssuedTokens.Contains(setting);
        world.Sandbox.Emulators.Spacelift.Tokens.AddApiKey("01NEWKEYNEWKEYNEWKEYNEWKEY", "rotated");
        world.Sandbox.Emulators.Spacelift.Tokens.RevokeApiKey(world.Sandbox.Emulators.Options.SpaceliftKeyId, endIssuedTokens: endTokens);

        await world.PassAsync(TimeSpan.FromHours(2));

        Assert.Single(await world.RunsAsync(world.Loop.Renew));
        Assert.Single(await world.RunsAsync(world.Loop.Failed));
        Assert.Equal("FAILED", await world.LeasePropertyAsync(TokenRenewalLoop.Status));
        Expect.Exit(ExitCodes.VerifyRenewal, await world.Sandbox.Cli("verify"));
        world.Sandbox.Config["spacelift:apiKeyId"] = "01NEWKEYNEWKEYNEWKEYNEWKEY";
        world.Sandbox.Config["spacelift:apiKeySecret"] = "rotated";
        world.Sandbox.WriteStackFile();
        var preview = await world.Sandbox.Cli("preview");
        Expect.Exit(ExitCodes.Success, preview);
        Assert.Single(preview.Output.Split('\n'), l => l.Contains("the self-renewing SPACELIFT_TOKEN has stopped: its last renewal failed", StringComparison.Ordinal));
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("up", "--yes"));
        Expect.Exit(ExitCodes.Success, await world.Sandbox.Cli("verify"));
    }
}
