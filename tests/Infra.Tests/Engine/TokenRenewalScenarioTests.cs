using Infra.Cli.Engine.Contract;
using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Engine;

/// <summary>
/// The standalone engine with the self-renewing token on (fakes, no automation runs): the lease is planned
/// with its timer unknown until the token is minted, written from the expiry just minted, left alone while
/// the token's record and the lease agree, and re-armed with a new token once the loop has stopped; a token
/// that lives no longer than the margin is never armed in the past.
/// </summary>
public sealed class TokenRenewalScenarioTests : IDisposable
{
    private const string Lease = "SPACELIFT_TOKEN";
    private const string Blueprint = "spacelift_token_lease";
    private readonly EngineFixture _f = new(stacks: 1);

    public TokenRenewalScenarioTests() => _f.ProgramKeys["infra:tokenRenewalLoop"] = "true";

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task APreviewShowsTheTimerAsKnownAfterApplyAndUpWritesItFromTheMintedExpiry()
    {
        var preview = await _f.PreviewAsync();

        var planned = Assert.Single(preview.Changes, c => c.Address.Blueprint == Blueprint);
        Assert.Equal(ChangeKind.Create, planned.Kind);
        Assert.Equal(OutputReference.Unknown, planned.New!["properties"]!["renew_at"]!.GetValue<string>());
        Assert.Equal(0, _f.Spacelift.Mints);
        // Written after the token it is armed from.
        Assert.True(preview.Changes.ToList().FindIndex(c => c.Address.Id == "SPACELIFT_TOKEN" && c.Address.Kind == ResourceKind.Secret) < preview.Changes.ToList().IndexOf(planned));

        var result = await _f.RunAsync();

        Assert.Equal(0, result.Failed);
        var lease = _f.Port.Entity(Blueprint, Lease)!;
        Assert.Equal("2026-11-28T19:50:00Z", lease["properties"]!["renew_at"]!.GetValue<string>());
        Assert.Equal("2026-11-28T20:00:00Z", lease["properties"]!["valid_until"]!.GetValue<string>());
        Assert.Contains("validUntil:2026-11-28T20:00:00Z", _f.Port.SecretDescription("SPACELIFT_TOKEN"), StringComparison.Ordinal);
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task AToken8HoursInIsNotMintedAgainWhateverTheRotationWindow()
    {
        await _f.RunAsync();
        _f.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(30));

        var plan = await _f.PreviewAsync();

        // 1h30m left: inside infra:tokenRotationWindowMinutes (2h), outside the loop's 10-minute margin.
        plan.AssertNoChanges();
        Assert.Contains(plan.Diagnostics, d => d.Severity == Severity.Info && d.Message.StartsWith("SPACELIFT_TOKEN renews itself in Port: next at 2026-11-28T19:50:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheLoopHasStoppedPreviewSaysSoInOneLineAndUpReArmsItWithANewToken()
    {
        await _f.RunAsync();
        _f.Time.Advance(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(55));

        var plan = await _f.PreviewAsync();

        var stopped = Assert.Single(plan.Diagnostics, d => d.Message.Contains("has stopped", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, stopped.Severity);
        Assert.Equal("the self-renewing SPACELIFT_TOKEN has stopped: its timer (renew_at 2026-11-28T19:50:00Z) is past and was not set again; up mints a new SPACELIFT_TOKEN and sets the timer again", stopped.Message);
        Assert.Equal("will re-mint (expires in 5m, inside the 10m window)", plan.Change(ResourceKind.Secret, "SPACELIFT_TOKEN").Reason);
        var lease = Assert.Single(plan.Changes, c => c.Address.Blueprint == Blueprint);
        Assert.Equal(ChangeKind.Update, lease.Kind);
        Assert.Equal(OutputReference.Unknown, lease.New!["properties"]!["renew_at"]!.GetValue<string>());

        await _f.RunAsync();

        Assert.Equal(2, _f.Spacelift.Mints);
        Assert.Equal("2026-11-29T05:45:00Z", _f.Port.Entity(Blueprint, Lease)!["properties"]!["renew_at"]!.GetValue<string>());
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task ATokenThatLivesNoLongerThanTheMarginIsWrittenButItsTimerIsNotArmedInThePast()
    {
        _f.Spacelift.TokenLifetime = TimeSpan.FromMinutes(10);

        var result = await _f.RunAsync();

        Assert.Equal("eyJ.jwt-1.sig", _f.Port.SecretValue("SPACELIFT_TOKEN"));
        var failed = Assert.Single(result.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal(Lease, failed.Change.Address.Id);
        Assert.Equal(
            "properties.renew_at would be 2026-11-28T10:00:00Z, already past: the SPACELIFT_TOKEN minted now is valid for 10m, not longer than the 10m before its expiry "
            + "that properties.renew_at is set to; set infra:tokenRenewalMarginMinutes below the token's lifetime (it is 10 minutes)",
            failed.Message);
        Assert.Null(_f.Port.Entity(Blueprint, Lease));
    }
}
