using Emulators.Hosting;
using Emulators.Port.Users;
using Emulators.Unknowns;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// Team names in the configuration, as Port's UI shows them, looked up in Port before a policy names them
/// (<c>POST /v1/entities/search</c> on <c>_team</c> by <c>$title</c>, as Port's Terraform provider does).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TeamNamesTests
{
    [Fact]
    public async Task ATeamPortDoesNotKnowIsRefusedInOneLineNamingItBeforeAnythingIsWritten()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, PortTeamIdentifiers = TeamIdentifiers.Distinct, PortUsers = [new PortUser("p@acme.test", PortUser.Member, ["platform"])] });
        sandbox.Config["infra:protectedLabel"] = "protected";
        sandbox.Config["infra:protectedTeams"] = "platform";
        sandbox.Config["infra:protectedApproverTeams"] = "aprovers";
        sandbox.WriteStackFile();

        var up = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.UsageOrConfig, up);
        Expect.OneLineError(up);
        Assert.Contains("infra:protectedApproverTeams", up.Error, StringComparison.Ordinal);
        Assert.Contains("'aprovers'", up.Error, StringComparison.Ordinal);
        Assert.Empty(sandbox.EntityIds());
    }

    [Fact]
    public async Task WithoutAProtectedLabelNoRuleNamesATeamAndNothingIsLookedUp()
    {
        // "nobody-knows" is in the permissions' teams list only, which Port takes by name.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2, PortTeamIdentifiers = TeamIdentifiers.Distinct });
        sandbox.Config["infra:triggerTeams"] = "nobody-knows";
        sandbox.WriteStackFile();

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }
}
