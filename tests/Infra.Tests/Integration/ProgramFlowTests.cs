using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Stacks;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Infra.Stacks;

namespace Infra.Tests.Integration;

/// <summary>The program end to end over real HTTP against both emulators (issue "The program").</summary>
[Trait("Category", "Integration")]
public sealed class ProgramFlowTests
{
    [Fact]
    public async Task UpMakesTheNextPreviewCleanEvenWithoutLocalState()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 25 });

        var preview = await sandbox.Cli("preview", "--json");
        Expect.Exit(ExitCodes.Success, preview);
        Assert.True(Summary(preview, "create") >= 25 + 6, preview.ToString());
        Assert.Equal(0, sandbox.Emulators.Port.EntityCount(Sandbox.Blueprint));

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        sandbox.AssertEntitiesMatchStacks();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        // A fresh clone on a CI runner: no local state at all.
        Directory.Delete(sandbox.StateDir, recursive: true);
        var fresh = await sandbox.Cli("preview", "--expect-no-changes");
        Expect.Exit(ExitCodes.Success, fresh);
    }

    [Fact]
    public async Task PreviewShowsExactlyTheStacksAddedChangedAndRemovedInSpacelift()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 25 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var stacks = sandbox.Emulators.Spacelift.Stacks;
        var ids = sandbox.StackIds();
        stacks.Add(new EmulatedStack { Id = "added-by-test", Name = "Added by test", CreatedAt = 1_764_000_000 });
        stacks.Update(ids[1], s => s with { Branch = "feature/changed-by-test" });
        stacks.Remove(ids[2]);

        var preview = await sandbox.Cli("preview", "--json");

        Expect.Exit(ExitCodes.Success, preview);
        var steps = Sandbox.Json(preview)["steps"]!.AsArray()
            .Select(s => $"{s!["op"]} {s["name"]}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "create added-by-test", $"delete {ids[2]}", $"update {ids[1]}" }.Order(StringComparer.Ordinal), steps);
        Expect.Exit(ExitCodes.ChangesDetected, await sandbox.Cli("preview", "--expect-no-changes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        sandbox.AssertEntitiesMatchStacks();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task DestroyLeavesNothingInPort()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 25 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        var destroy = await sandbox.Cli("destroy", "--yes");

        Expect.Exit(ExitCodes.Success, destroy);
        var port = sandbox.Emulators.Port;
        Assert.Equal(0, port.EntityCount(Sandbox.Blueprint));
        Assert.Null(port.Blueprint(Sandbox.Blueprint));
        Assert.All([ResourceNames.Guide.TriggerAction, ResourceNames.Guide.RefreshAction, ResourceNames.Guide.TokenAutomation], a => Assert.Null(port.Action(a)));
        Assert.All([ResourceNames.Guide.ApiKeyIdSecret, ResourceNames.Guide.ApiKeySecretSecret, ResourceNames.Guide.TokenSecret], s => Assert.Null(port.SecretMetadata(s)));
    }

    [Fact]
    public async Task TriggerActionReachesSpaceliftWithTheMintedToken()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 5 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var stackId = sandbox.StackIds()[0];
        using var api = sandbox.PortApi();

        await TriggerAsync(sandbox, api, stackId);

        var run = Assert.Single(sandbox.Emulators.Spacelift.Runs.All());
        Assert.Equal(stackId, run.StackId);
        Assert.Equal(sandbox.TokenSecret(), run.Token);
        Assert.Equal("SUCCESS", sandbox.Emulators.Port.Runs()[^1]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefreshActionAndAutomationRotateTheTokenTheTriggerUses()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 5 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var minted = sandbox.TokenSecret();
        using var api = sandbox.PortApi();

        // Given the refresh action run: Spacelift mints, the automation PATCHes the secret.
        await api.SendAsync(HttpMethod.Post, $"v1/actions/{ResourceNames.Guide.RefreshAction}/runs", new JsonObject { ["properties"] = new JsonObject() });
        await sandbox.Emulators.Port.WhenIdleAsync();
        var rotated = sandbox.TokenSecret();

        // Then the secret holds a new, valid token, and the next trigger is authorised by it.
        Assert.NotNull(rotated);
        Assert.NotEqual(minted, rotated);
        Assert.NotNull(sandbox.Emulators.Spacelift.Tokens.Authenticate("Bearer " + rotated));
        await TriggerAsync(sandbox, api, sandbox.StackIds()[1]);
        Assert.Equal(rotated, sandbox.Emulators.Spacelift.Runs.All()[^1].Token);
    }

    internal static async Task TriggerAsync(Sandbox sandbox, PortApi api, string stackId)
    {
        await api.SendAsync(HttpMethod.Post, $"v1/actions/{ResourceNames.Guide.TriggerAction}/runs", new JsonObject { ["properties"] = new JsonObject { ["stack"] = stackId } });
        await sandbox.Emulators.Port.WhenIdleAsync();
    }

    private static int Summary(CliRun run, string kind) => Sandbox.Json(run)["changeSummary"]![kind]!.GetValue<int>();
}
