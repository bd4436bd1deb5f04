using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Infra.Stacks;

namespace Infra.Tests.Integration;

/// <summary>
/// The guide's second name for the API key secret, SPACELIFT_API_SECRET, is often left in an
/// organisation set up by hand: preview notes it (not managed, unused, how to delete it) and up leaves it be.
/// </summary>
public sealed class SpareSecretNoteTests
{
    [Fact]
    public async Task PreviewNotesTheGuidesLeftoverSecretAndUpLeavesIt()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });
        using (var api = sandbox.PortApi())
        {
            await api.SendAsync(HttpMethod.Post, "v1/organization/secrets", new JsonObject
            {
                ["secretName"] = ResourceNames.GuideSpareSecret,
                ["secretValue"] = "from-the-guide",
            });
        }

        var preview = await sandbox.Cli("preview");
        var json = Sandbox.Json(await sandbox.Cli("preview", "--json"));
        var up = await sandbox.Cli("up", "--yes");

        Expect.Exit(ExitCodes.Success, preview);
        var note = Assert.Single(preview.Output.Split('\n'), l => l.Contains("info:", StringComparison.Ordinal) && l.Contains(ResourceNames.GuideSpareSecret, StringComparison.Ordinal));
        Assert.Contains("not managed", note, StringComparison.Ordinal);
        Assert.Contains($"curl -X DELETE", note, StringComparison.Ordinal);
        Assert.Contains($"{sandbox.Emulators.PortUrl.AbsoluteUri}v1/organization/secrets/{ResourceNames.GuideSpareSecret}", note, StringComparison.Ordinal);
        Assert.Contains(json["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<string>() == "info"
            && d["urn"]!.GetValue<string>().EndsWith("::" + ResourceNames.GuideSpareSecret, StringComparison.Ordinal));
        Assert.DoesNotContain("from-the-guide", preview.All, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, up);
        Assert.Equal("from-the-guide", sandbox.Emulators.Port.SecretValue(ResourceNames.GuideSpareSecret));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task NoNoteWhenTheOrganisationDoesNotHoldIt()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 2 });

        var preview = await sandbox.Cli("preview");

        Expect.Exit(ExitCodes.Success, preview);
        Assert.DoesNotContain(ResourceNames.GuideSpareSecret, preview.All, StringComparison.Ordinal);
    }
}
