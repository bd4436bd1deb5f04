using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Users;
using Emulators.Unknowns;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// <c>infra:teamLabelPrefix</c> over HTTP: a stack labelled <c>team:platform</c> is owned in Port by the team
/// named platform (by its identifier, which differs from the name here), an edit of that team in Port is drift
/// that <c>up</c> repairs, and a stack whose label names no team Port has keeps whatever people set in Port.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StackTeamsEndToEndTests
{
    [Fact]
    public async Task LabelledStacksAreOwnedByTheirTeamAndTheRestKeepWhatPortHolds()
    {
        // The generated stacks' labels cycle team:platform, team:data, team:payments, team:security; Port has the first two.
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions
        {
            Stacks = 8,
            PortTeamIdentifiers = TeamIdentifiers.Distinct,
            PortUsers = [new PortUser("p@acme.test", PortUser.Member, ["platform"]), new PortUser("d@acme.test", PortUser.Member, ["data"])],
        });
        sandbox.Config["infra:teamLabelPrefix"] = "team:";
        sandbox.WriteStackFile();

        var up = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.Success, up);
        Assert.Contains("'team:payments' names a team Port does not have", up.All, StringComparison.Ordinal);
        Assert.Contains("'team:security' names a team Port does not have", up.All, StringComparison.Ordinal);
        var platform = TeamIdentifier.Of("platform", TeamIdentifiers.Distinct);
        Assert.NotEqual("platform", platform);
        var platformStack = StackWith(sandbox, "team:platform");
        var paymentsStack = StackWith(sandbox, "team:payments");
        Assert.Equal($"[\"{platform}\"]", Team(sandbox, platformStack));
        Assert.Equal("[]", Team(sandbox, paymentsStack));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        // Someone gives the payments stack a team and moves the platform stack to data, in Port's UI.
        var data = TeamIdentifier.Of("data", TeamIdentifiers.Distinct);
        using (var api = sandbox.PortApi())
        {
            await api.SendAsync(HttpMethod.Patch, $"v1/blueprints/{Sandbox.Blueprint}/entities/{paymentsStack}", new JsonObject { ["team"] = new JsonArray(data) });
            await api.SendAsync(HttpMethod.Patch, $"v1/blueprints/{Sandbox.Blueprint}/entities/{platformStack}", new JsonObject { ["team"] = new JsonArray(data) });
        }

        var drift = await sandbox.Cli("preview", "--expect-no-changes", "--json");
        Expect.Exit(ExitCodes.ChangesDetected, drift);
        var changed = Sandbox.Json(drift)["steps"]!.AsArray().Where(s => s!["op"]!.GetValue<string>() != "same").Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal([platformStack], changed);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Assert.Equal($"[\"{platform}\"]", Team(sandbox, platformStack));
        Assert.Equal($"[\"{data}\"]", Team(sandbox, paymentsStack));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    private static string StackWith(Sandbox sandbox, string label) =>
        sandbox.Emulators.Spacelift.Stacks.All().First(s => s.Labels.Contains(label, StringComparer.Ordinal)).Id;

    private static string Team(Sandbox sandbox, string id) =>
        sandbox.Emulators.Port.Entities(Sandbox.Blueprint).Single(e => e["identifier"]!.GetValue<string>() == id)["team"]!.ToJsonString();
}
