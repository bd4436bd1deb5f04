using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Runs;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// Issue 26 end to end, over HTTP against both emulators: the full catalogue (spaces, stacks, runs, related)
/// written by <c>up</c>, idle on the next run, kept live by the webhook, pruned in relation order, and held
/// whole when Spacelift cannot be read.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CatalogueEndToEndTests
{
    private const string Spaces = "spacelift_space";
    private const string Runs = "spacelift_run";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UpWritesEverySpaceWithItsParentEveryStackInItsSpaceAndEachStacksRunsAndASecondUpWritesNothing()
    {
        await using var sandbox = await StartAsync();

        var up = await sandbox.Cli("up", "--yes");
        Expect.Exit(ExitCodes.Success, up);

        var spacelift = sandbox.Emulators.Spacelift;
        var spaces = Entities(sandbox, Spaces);
        Assert.Equal(spacelift.Spaces.All().Select(s => s.Id).Order(StringComparer.Ordinal), spaces.Keys.Order(StringComparer.Ordinal));
        Assert.All(spacelift.Spaces.All(), s => Assert.Equal(s.ParentSpace, Relation(spaces[s.Id], "parentSpace")));
        var stacks = Entities(sandbox, Sandbox.Blueprint);
        sandbox.AssertEntitiesMatchStacks();
        Assert.All(spacelift.Stacks.All(), s => Assert.Equal(s.Space, Relation(stacks[s.Id], "spacelift_space")));
        var runs = Entities(sandbox, Runs);
        var tracked = spacelift.Runs.All().Where(r => r.Type == "TRACKED").ToList();
        Assert.NotEmpty(tracked);
        Assert.Equal(tracked.Select(r => r.Id).Order(StringComparer.Ordinal), runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(tracked, r => Assert.Equal(r.StackId, Relation(runs[r.Id], "stack")));

        // What Port computes over them: the latest run's time is the stack's own, the 30-day count Port's.
        var busy = tracked.GroupBy(r => r.StackId).First();
        var stack = await ReadStackAsync(sandbox, busy.Key);
        Assert.Equal(busy.Max(r => r.CreatedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), stack["latest_run_at"]!.GetValue<string>());
        Assert.Equal(busy.Count(r => r.CreatedAt > sandbox.Clock.GetUtcNow().AddDays(-30)), stack["tracked_runs_last_30_days"]!.GetValue<int>());
        Assert.Equal(spacelift.Spaces.Find(spacelift.Stacks.Find(busy.Key)!.Space)!.Name, stack["space_name"]!.GetValue<string>());

        var again = await sandbox.Cli("up", "--yes", "--json");
        Expect.Exit(ExitCodes.Success, again);
        Assert.Equal("no-changes", Sandbox.Json(again)["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARunTriggeredThroughPortsActionBecomesARunEntityThroughTheWebhookAndTheNextUpChangesNothing()
    {
        await using var sandbox = await StartAsync(live: true);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var stack = sandbox.Emulators.Spacelift.Stacks.All().First(s => s.Space != "legacy").Id;
        var before = Entities(sandbox, Runs).Keys.ToHashSet(StringComparer.Ordinal);

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("verify", "--trigger", stack));
        await SettleAsync(sandbox);

        var run = sandbox.Emulators.Spacelift.Runs.ForStack(stack).First();
        Assert.DoesNotContain(run.Id, before);
        var entity = Entities(sandbox, Runs)[run.Id];
        Assert.Equal(stack, Relation(entity, "stack"));
        Assert.Equal("FINISHED", entity["properties"]!["state"]!.GetValue<string>());
        Assert.Equal(entity["properties"]!["createdAt"]!.GetValue<string>(), Entities(sandbox, Sandbox.Blueprint)[stack]["properties"]!["latest_run_at"]!.GetValue<string>());
        // The next run reads the same run from Spacelift and finds nothing to change, for the run or its stack.
        var preview = await sandbox.Cli("preview", "--expect-no-changes");
        Expect.Exit(ExitCodes.Success, preview);
    }

    [Fact]
    public async Task ASpaceDeletedInSpaceliftIsPrunedAfterItsStacksAndTheirRuns()
    {
        await using var sandbox = await StartAsync();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var spacelift = sandbox.Emulators.Spacelift;
        // A leaf space with stacks: the deepest generated space that holds one.
        var space = spacelift.Spaces.All().Where(s => spacelift.Spaces.All().All(c => c.ParentSpace != s.Id) && spacelift.Stacks.All().Any(t => t.Space == s.Id)).Last();
        var doomed = spacelift.Stacks.All().Where(s => s.Space == space.Id).Select(s => s.Id).ToList();
        foreach (var id in doomed)
        {
            spacelift.Stacks.Remove(id);
        }

        spacelift.Spaces.Remove(space.Id, id => spacelift.Stacks.All().Any(s => s.Space == id));

        var up = await sandbox.Cli("up", "--yes", "--json", "--allow-mass-delete");
        Expect.Exit(ExitCodes.Success, up);

        var deleted = Sandbox.Json(up)["steps"]!.AsArray().Where(s => s!["op"]!.GetValue<string>() == "delete").Select(s => s!["urn"]!.GetValue<string>()).ToList();
        var spaceAt = deleted.FindIndex(u => u.EndsWith($"::{Spaces}/{space.Id}", StringComparison.Ordinal));
        var stackAt = doomed.Select(id => deleted.FindIndex(u => u.EndsWith($"::{Sandbox.Blueprint}/{id}", StringComparison.Ordinal))).ToList();
        var runAt = deleted.Select((u, i) => (u, i)).Where(d => d.u.Contains($"::{Runs}/", StringComparison.Ordinal)).Select(d => d.i).ToList();
        Assert.True(spaceAt >= 0, string.Join("\n", deleted));
        Assert.All(stackAt, i => Assert.InRange(i, 0, spaceAt - 1));
        Assert.NotEmpty(runAt);
        Assert.All(runAt, i => Assert.True(i < stackAt.Min(), $"a run deleted after a stack: {string.Join("\n", deleted)}"));
        Assert.DoesNotContain(space.Id, Entities(sandbox, Spaces).Keys);
        sandbox.AssertEntitiesMatchStacks();
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task RunsThatCannotBeReadDeleteNothingAndAreNamed()
    {
        await using var sandbox = await StartAsync();
        await using var proxy = FailingSpacelift.Between(sandbox);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var spacelift = sandbox.Emulators.Spacelift;
        var stacks = spacelift.Stacks.All();
        var unreadable = stacks.First(s => spacelift.Runs.ForStack(s.Id).Count > 0).Id;
        var gone = stacks.Last(s => s.Id != unreadable).Id;
        spacelift.Stacks.Remove(gone);
        var runsBefore = Entities(sandbox, Runs).Count;

        proxy.FailRunsOf = unreadable;
        var up = await sandbox.Cli("up", "--yes", "--json");

        Expect.Exit(ExitCodes.Failure, up);
        Assert.Contains($"the runs of 1 stack could not be read: '{unreadable}'", up.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Sandbox.Json(up)["steps"]!.AsArray(), s => s!["op"]!.GetValue<string>() == "delete");
        Assert.Equal(runsBefore, Entities(sandbox, Runs).Count);
        Assert.Contains(gone, Entities(sandbox, Sandbox.Blueprint).Keys);
        Assert.Contains(unreadable, Entities(sandbox, Sandbox.Blueprint).Keys);

        proxy.FailRunsOf = null;
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Assert.DoesNotContain(gone, Entities(sandbox, Sandbox.Blueprint).Keys);
    }

    [Fact]
    public async Task SpacesThatCannotBeReadDeleteNothingAndAreNamed()
    {
        await using var sandbox = await StartAsync();
        await using var proxy = FailingSpacelift.Between(sandbox);
        var spacelift = sandbox.Emulators.Spacelift;
        var extra = spacelift.Spaces.Add(new global::Emulators.Spacelift.Spaces.EmulatedSpace { Id = "sandbox-01EXTRA", Name = "sandbox", ParentSpace = "root" });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Assert.Contains(extra.Id, Entities(sandbox, Spaces).Keys);
        spacelift.Spaces.Remove(extra.Id, _ => false);

        proxy.FailSpaces = true;
        var up = await sandbox.Cli("up", "--yes", "--json");

        Expect.Exit(ExitCodes.Failure, up);
        Assert.Contains("reading Spacelift failed after 0 spaces (Spacelift spaces: internal server error)", up.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Sandbox.Json(up)["steps"]!.AsArray(), s => s!["op"]!.GetValue<string>() == "delete");
        Assert.Contains(extra.Id, Entities(sandbox, Spaces).Keys);

        proxy.FailSpaces = false;
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Assert.DoesNotContain(extra.Id, Entities(sandbox, Spaces).Keys);
    }

    /// <summary>
    /// Answers Port and Spacelift leave open (docs/unknowns.md), each the inconvenient way: a bulk item cannot
    /// relate to an entity an earlier item of the same request creates, spaces come children first, the entity
    /// search returns calculated values although asked not to, deleted targets leave relations dangling, and a run
    /// page holds two runs. The catalogue is written and stays idle under each.
    /// </summary>
    [Theory]
    [InlineData("bulk-snapshot")]
    [InlineData("children-first")]
    [InlineData("search-ignores-flags")]
    [InlineData("dangling-kept")]
    [InlineData("small-run-pages")]
    public async Task TheCatalogueIsWrittenAndIdleUnderPortsAndSpaceliftsOpenAnswers(string answer)
    {
        var relations = new global::Emulators.Port.Entities.RelationBehaviour();
        var options = new EmulatorOptions { Stacks = 9, Spaces = 12, RunsPerStack = 3 };
        options = answer switch
        {
            "bulk-snapshot" => options with { PortRelations = relations with { BulkSeesEarlierItems = false } },
            "children-first" => options with { SpacesChildrenFirst = true },
            "search-ignores-flags" => options with { PortRelations = relations with { BlueprintSearchHonoursQueryFlags = false } },
            "dangling-kept" => options with { PortRelations = relations with { OnTargetDeleted = global::Emulators.Port.Entities.DanglingRelations.Keep } },
            _ => options with { RunsPageSize = 2 },
        };
        await using var sandbox = await StartAsync(options);

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));

        var spaces = Entities(sandbox, Spaces);
        Assert.All(sandbox.Emulators.Spacelift.Spaces.All(), s => Assert.Equal(s.ParentSpace, Relation(spaces[s.Id], "parentSpace")));
        Assert.Equal(sandbox.Emulators.Spacelift.Runs.All().Count(r => r.Type == "TRACKED"), Entities(sandbox, Runs).Count);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }

    private static async Task<Sandbox> StartAsync(bool live = false)
        => await StartAsync(new EmulatorOptions { Stacks = 9, Spaces = 6, RunsPerStack = 3 }, live);

    private static async Task<Sandbox> StartAsync(EmulatorOptions options, bool live = false)
    {
        var sandbox = await Sandbox.StartAsync(options);
        sandbox.Config["infra:catalogue"] = "full";
        if (live)
        {
            // A run walks its states in about a second of wall clock instead of minutes.
            sandbox.Emulators.Spacelift.Runs.Script = RunScript.Default with { StepDuration = TimeSpan.FromMilliseconds(150) };
            sandbox.Emulators.Spacelift.Webhooks.RetryScale = 0;
            sandbox.Config["infra:liveUpdates"] = "true";
        }

        sandbox.WriteStackFile();
        return sandbox;
    }

    private static Dictionary<string, JsonObject> Entities(Sandbox sandbox, string blueprint)
        => sandbox.Emulators.Port.Entities(blueprint).ToDictionary(e => e["identifier"]!.GetValue<string>(), StringComparer.Ordinal);

    private static string? Relation(JsonObject entity, string name) => entity["relations"]?[name]?.GetValue<string>();

    /// <summary>A stack as Port's API gives it, with the values Port computes.</summary>
    private static async Task<JsonObject> ReadStackAsync(Sandbox sandbox, string id)
    {
        using var api = sandbox.PortApi();
        return (await api.SendAsync(HttpMethod.Get, $"v1/blueprints/{Sandbox.Blueprint}/entities/{id}"))!["entity"]!["properties"]!.AsObject();
    }

    private static async Task SettleAsync(Sandbox sandbox)
    {
        using var timeout = new CancellationTokenSource(Settle);
        await sandbox.Emulators.Spacelift.Webhooks.WhenIdleAsync(timeout.Token);
        await sandbox.Emulators.Port.WhenIdleAsync(timeout.Token);
    }

    /// <summary>
    /// The sandbox's Spacelift behind a proxy that answers Spacelift's GraphQL error for the spaces query, or
    /// for one stack's runs, while told to. In place before the first run, so every link names the same host.
    /// </summary>
    private sealed class FailingSpacelift : IAsyncDisposable
    {
        private readonly FakeHttpServer _server;

        private FailingSpacelift(Uri spacelift)
        {
            _server = new FakeHttpServer(async request =>
            {
                if ((FailSpaces && request.Body.Contains("spaces{", StringComparison.Ordinal))
                    || (FailRunsOf is { } stack && request.Body.Contains("runs(before", StringComparison.Ordinal) && request.Body.Contains($"\"stackId\":\"{stack}\"", StringComparison.Ordinal)))
                {
                    return new FakeResponse(200, """{"errors":[{"message":"internal server error"}],"data":null}""");
                }

                return await Forwarder.ForwardAsync(spacelift, request);
            });
        }

        public volatile bool FailSpaces;

        public string? FailRunsOf { get; set; }

        public static FailingSpacelift Between(Sandbox sandbox)
        {
            var proxy = new FailingSpacelift(sandbox.Emulators.SpaceliftUrl);
            sandbox.Config["spacelift:apiKeyEndpoint"] = proxy._server.Url.AbsoluteUri;
            sandbox.WriteStackFile();
            return proxy;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
