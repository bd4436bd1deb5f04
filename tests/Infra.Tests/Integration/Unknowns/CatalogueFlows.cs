using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Runs;
using Emulators.Unknowns;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration.Unknowns;

/// <summary>
/// The full catalogue's main flows against the emulators started with the switch flags of docs/unknowns.md:
/// the first <c>up</c> (spaces with their parents, stacks in their spaces, each stack's runs), an idle second
/// <c>up</c>, a run triggered through Port's action upserted by the live-update webhook and no change for the
/// next <c>up</c>, a space deleted in Spacelift pruned after its stacks and their runs, and <c>destroy</c>
/// leaving none of the three blueprints behind.
/// </summary>
internal static class CatalogueFlows
{
    private const string Spaces = "spacelift_space";
    private const string Runs = "spacelift_run";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    /// <summary>Runs every flow under the emulators <paramref name="flags"/> start (space-separated, as on the command line).</summary>
    public static async Task RunAsync(string flags)
    {
        var options = EmulatorCommandLine.Parse(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries))!
            with { Stacks = 12, Spaces = 6, RunsPerStack = 4 };
        await using var sandbox = await Sandbox.StartAsync(options);
        // A run walks its states in about a second of wall clock instead of minutes.
        sandbox.Emulators.Spacelift.Runs.Script = RunScript.Default with { StepDuration = TimeSpan.FromMilliseconds(150) };
        sandbox.Emulators.Spacelift.Webhooks.RetryScale = 0;
        sandbox.Config["infra:catalogue"] = "full";
        sandbox.Config["infra:liveUpdates"] = "true";
        sandbox.WriteStackFile();

        await FirstUpAndIdleAsync(sandbox);
        await RunUpsertedByTheWebhookAsync(sandbox);
        await SpacePrunedAsync(sandbox, options.PortAuthor);
        await DestroyAsync(sandbox);
    }

    private static async Task FirstUpAndIdleAsync(Sandbox sandbox)
    {
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        AssertCatalogueMatchesSpacelift(sandbox);
        var again = await sandbox.Cli("up", "--yes", "--json");
        Expect.Exit(ExitCodes.Success, again);
        Assert.Equal("no-changes", Sandbox.Json(again)["result"]!.GetValue<string>());
    }

    private static async Task RunUpsertedByTheWebhookAsync(Sandbox sandbox)
    {
        var stack = sandbox.Emulators.Spacelift.Stacks.All().First(s => s.Space != "legacy").Id;
        var before = Entities(sandbox, Runs).Keys.ToHashSet(StringComparer.Ordinal);

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("verify", "--trigger", stack));
        await SettleAsync(sandbox);

        var run = sandbox.Emulators.Spacelift.Runs.ForStack(stack).First();
        Assert.DoesNotContain(run.Id, before);
        var entity = Assert.Contains(run.Id, Entities(sandbox, Runs));
        Assert.Equal(stack, Relation(entity, "stack"));
        Assert.Equal("FINISHED", entity["properties"]!["state"]!.GetValue<string>());
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    /// <summary>
    /// A leaf space and its stacks deleted in Spacelift. Where Port records the credentials' owner as the
    /// author, the program cannot prove it wrote them and leaves them with a warning until the blueprints are
    /// declared its own (docs/unknowns.md, <c>--port-author</c>).
    /// </summary>
    private static async Task SpacePrunedAsync(Sandbox sandbox, AuthorRecord author)
    {
        var spacelift = sandbox.Emulators.Spacelift;
        var space = spacelift.Spaces.All().Last(s => spacelift.Spaces.All().All(c => c.ParentSpace != s.Id) && spacelift.Stacks.All().Any(t => t.Space == s.Id));
        var doomed = spacelift.Stacks.All().Where(s => s.Space == space.Id).Select(s => s.Id).ToList();
        foreach (var id in doomed)
        {
            spacelift.Stacks.Remove(id);
        }

        spacelift.Spaces.Remove(space.Id, id => spacelift.Stacks.All().Any(s => s.Space == id));

        if (author == AuthorRecord.CredentialsOwner)
        {
            var held = await sandbox.Cli("up", "--yes", "--allow-mass-delete");
            Expect.Exit(ExitCodes.Success, held);
            Assert.Contains("written by someone else in Port", held.All, StringComparison.Ordinal);
            Assert.Contains(space.Id, Entities(sandbox, Spaces).Keys);
            sandbox.Config["infra:exclusiveBlueprints"] = "true";
            sandbox.WriteStackFile();
        }

        var up = await sandbox.Cli("up", "--yes", "--json", "--allow-mass-delete");
        Expect.Exit(ExitCodes.Success, up);

        var deleted = Sandbox.Json(up)["steps"]!.AsArray().Where(s => s!["op"]!.GetValue<string>() == "delete").Select(s => s!["urn"]!.GetValue<string>()).ToList();
        var spaceAt = deleted.FindIndex(u => u.EndsWith($"::{Spaces}/{space.Id}", StringComparison.Ordinal));
        Assert.True(spaceAt >= 0, string.Join("\n", deleted));
        var stackAt = doomed.Select(id => deleted.FindIndex(u => u.EndsWith($"::{Sandbox.Blueprint}/{id}", StringComparison.Ordinal))).ToList();
        Assert.All(stackAt, i => Assert.InRange(i, 0, spaceAt - 1));
        var runAt = deleted.Select((u, i) => (u, i)).Where(d => d.u.Contains($"::{Runs}/", StringComparison.Ordinal)).Select(d => d.i).ToList();
        Assert.All(runAt, i => Assert.True(i < stackAt.Min(), $"a run deleted after a stack: {string.Join("\n", deleted)}"));
        AssertCatalogueMatchesSpacelift(sandbox);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    private static async Task DestroyAsync(Sandbox sandbox)
    {
        await SettleAsync(sandbox);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("destroy", "--yes"));

        foreach (var blueprint in new[] { Spaces, Sandbox.Blueprint, Runs })
        {
            Assert.Null(sandbox.Emulators.Port.Blueprint(blueprint));
        }
    }

    /// <summary>Port holds one entity per space with its parent, each stack related to its space, and the tracked runs related to their stacks.</summary>
    private static void AssertCatalogueMatchesSpacelift(Sandbox sandbox)
    {
        var spacelift = sandbox.Emulators.Spacelift;
        var spaces = Entities(sandbox, Spaces);
        Assert.Equal(spacelift.Spaces.All().Select(s => s.Id).Order(StringComparer.Ordinal), spaces.Keys.Order(StringComparer.Ordinal));
        Assert.All(spacelift.Spaces.All(), s => Assert.Equal(s.ParentSpace, Relation(spaces[s.Id], "parentSpace")));
        sandbox.AssertEntitiesMatchStacks();
        var stacks = Entities(sandbox, Sandbox.Blueprint);
        Assert.All(spacelift.Stacks.All(), s => Assert.Equal(s.Space, Relation(stacks[s.Id], Spaces)));
        var runs = Entities(sandbox, Runs);
        var tracked = spacelift.Runs.All().Where(r => r.Type == "TRACKED" && spacelift.Stacks.Find(r.StackId) is not null).ToList();
        Assert.NotEmpty(tracked);
        Assert.Equal(tracked.Select(r => r.Id).Order(StringComparer.Ordinal), runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(tracked, r => Assert.Equal(r.StackId, Relation(runs[r.Id], "stack")));
    }

    private static Dictionary<string, JsonObject> Entities(Sandbox sandbox, string blueprint)
        => sandbox.Emulators.Port.Entities(blueprint).ToDictionary(e => e["identifier"]!.GetValue<string>(), StringComparer.Ordinal);

    private static string? Relation(JsonObject entity, string name) => entity["relations"]?[name]?.GetValue<string>();

    private static async Task SettleAsync(Sandbox sandbox)
    {
        using var timeout = new CancellationTokenSource(Settle);
        await sandbox.Emulators.Spacelift.Webhooks.WhenIdleAsync(timeout.Token);
        await sandbox.Emulators.Port.WhenIdleAsync(timeout.Token);
    }
}
