using Emulators.Port.Runs;
using Emulators.Port.Timers;
using Emulators.Hosting;
using Emulators.Unknowns;

namespace Infra.Tests.Emulators.Unknowns;

/// <summary>The switches' command-line flags, the preset, and their order.</summary>
public sealed class UnknownFlagsTests
{
    [Fact]
    public void DefaultsAreTheEarlierAnswers()
    {
        var options = EmulatorCommandLine.Parse([])!;

        Assert.Equal(
            (WebhookSecretOnRead.Returned, TeamIdentifiers.Names, MappingOperationString.Accepted, AbsentRead.Null, GeneratedIds.Slug, 100, OversizedPage.Clamp, true),
            (options.PortWebhookSecret, options.PortTeamIdentifiers, options.PortMappingOperationString, options.SpaceliftAbsentRead, options.SpaceliftIds,
                options.SpaceliftPageCap, options.SpaceliftOversizedPage, options.SpaceliftWrongSecretIsError));
    }

    [Fact]
    public void ParsesEverySwitch()
    {
        var options = EmulatorCommandLine.Parse([
            "--port-webhook-secret", "omitted", "--port-team-ids=distinct", "--port-mapping-operation-string", "refuse",
            "--spacelift-absent-read", "stacks-null", "--spacelift-ids", "SUFFIXED", "--spacelift-page-cap", "50",
            "--spacelift-oversized-page", "error", "--spacelift-wrong-secret", "null",
        ])!;

        Assert.Equal(
            (WebhookSecretOnRead.Omitted, TeamIdentifiers.Distinct, MappingOperationString.Refused, AbsentRead.StacksNullOthersNotFound, GeneratedIds.SlugWithSuffix, 50, OversizedPage.Error, false),
            (options.PortWebhookSecret, options.PortTeamIdentifiers, options.PortMappingOperationString, options.SpaceliftAbsentRead, options.SpaceliftIds,
                options.SpaceliftPageCap, options.SpaceliftOversizedPage, options.SpaceliftWrongSecretIsError));
    }

    [Fact]
    public void ThePresetIsTheStaticAndLaterFlagsOverrideIt()
    {
        var preset = EmulatorCommandLine.Parse(["--unknowns", "inconvenient"])!;
        var overridden = EmulatorCommandLine.Parse(["--unknowns", "inconvenient", "--port-team-ids", "names"])!;
        var reset = EmulatorCommandLine.Parse(["--spacelift-page-cap", "7", "--unknowns", "convenient"])!;

        Assert.Equal(EmulatorOptions.Inconvenient, preset);
        Assert.Equal(
            (WebhookSecretOnRead.Masked, TeamIdentifiers.Distinct, MappingOperationString.Refused, AbsentRead.NotFoundError, GeneratedIds.SlugWithSuffix, 50, OversizedPage.Error, false),
            (preset.PortWebhookSecret, preset.PortTeamIdentifiers, preset.PortMappingOperationString, preset.SpaceliftAbsentRead, preset.SpaceliftIds,
                preset.SpaceliftPageCap, preset.SpaceliftOversizedPage, preset.SpaceliftWrongSecretIsError));
        // The renewal loop's switches too (docs/unknowns.md, "Port: the self-renewing token's timers and UPSERT_ENTITY").
        Assert.Equal(
            (TimerAfterExpiry.Clear, false, UpsertEntityUpdate.Replace),
            (preset.PortTimerAfterExpiry, preset.PortPastTimersFire, preset.PortUpsertEntityUpdate));
        Assert.Equal(preset with { PortTeamIdentifiers = TeamIdentifiers.Names }, overridden);
        Assert.Equal(new EmulatorOptions(), reset);
    }

    [Theory]
    [InlineData("--port-webhook-secret", "hidden", "--port-webhook-secret 'hidden' is not one of returned, omitted, masked")]
    [InlineData("--unknowns", "all", "--unknowns 'all' is not one of convenient, inconvenient")]
    [InlineData("--spacelift-page-cap", "0", "--spacelift-page-cap '0' is not a whole number of at least 1")]
    public void ABadValueIsAUsageErrorNamingTheChoices(string flag, string value, string message)
    {
        var error = Assert.Throws<EmulatorUsageException>(() => EmulatorCommandLine.Parse([flag, value]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void HelpListsEverySwitch()
    {
        foreach (var flag in new[]
        {
            "--unknowns", "--port-webhook-secret", "--port-team-ids", "--port-mapping-operation-string", "--spacelift-absent-read",
            "--spacelift-ids", "--spacelift-page-cap", "--spacelift-oversized-page", "--spacelift-wrong-secret",
        })
        {
            Assert.Contains(flag, EmulatorCommandLine.Usage, StringComparison.Ordinal);
        }
    }
}
