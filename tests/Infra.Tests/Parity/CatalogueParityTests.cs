using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Cli.PulumiMode;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.Parity;

/// <summary>
/// Pulumi mode registers the full catalogue as the standalone engine writes it: the blueprints and the numbers
/// Port computes in the order Port accepts them, each entity after the entities its relations name (so Pulumi
/// creates a space after its parent, a run after its stack, and deletes in the reverse), and, as the standalone
/// engine keeps it, a run the webhook wrote after the read, while a run older than the history is no longer
/// registered (Pulumi deletes it).
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class CatalogueParityTests
{
    private const string Aggregations = "port:index/aggregationProperties:AggregationProperties";

    [Fact]
    public async Task Pulumi_mode_registers_the_catalogue_in_relation_order_and_keeps_what_the_read_did_not_see()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 6, Spaces = 5, RunsPerStack = 2 });
        world.Config["infra:catalogue"] = "full";
        var spacelift = world.Emulators.Spacelift;
        var stack = spacelift.Stacks.All().First(s => spacelift.Runs.ForStack(s.Id).Count > 0).Id;
        await SeedAsync(world, stack);

        var (exit, calls) = await RunAsync(world);

        Assert.Equal(0, exit);
        var custom = calls.Custom();
        string Urn(RecordedCall c) => Recorded.Urn(Recorded.Text(c.Request, "type")!, Recorded.Text(c.Request, "name")!);
        var aggregations = custom.Single(c => Recorded.Text(c.Request, "type") == Aggregations);
        Assert.Contains(Recorded.Urn(Recorded.Blueprint, "spacelift_run"), Recorded.Strings(aggregations.Request, "dependencies"));
        Assert.Contains(Recorded.Urn(Recorded.Blueprint, "space_lift_stack"), Recorded.Strings(aggregations.Request, "dependencies"));
        Assert.Contains(Recorded.Urn(Recorded.Blueprint, "spacelift_space"), Recorded.Strings(custom.Named(Recorded.Blueprint, "space_lift_stack").Request, "dependencies"));

        var entities = custom.Where(c => Recorded.Text(c.Request, "type") == Recorded.Entity).ToDictionary(c => Recorded.Text(c.Request, "name")!, StringComparer.Ordinal);
        foreach (var space in spacelift.Spaces.All().Where(s => s.ParentSpace is not null))
        {
            Assert.Contains(Recorded.Urn(Recorded.Entity, "spacelift_space/" + space.ParentSpace), Recorded.Strings(entities["spacelift_space/" + space.Id].Request, "dependencies"));
        }

        var runs = spacelift.Runs.All().Where(r => r.Type == "TRACKED").ToList();
        Assert.All(runs, r => Assert.Contains(Recorded.Urn(Recorded.Entity, "space_lift_stack/" + r.StackId), Recorded.Strings(entities["spacelift_run/" + r.Id].Request, "dependencies")));
        // Registered in that order too: each run after its stack.
        var order = custom.Select(Urn).ToList();
        Assert.All(runs, r => Assert.True(order.IndexOf(Recorded.Urn(Recorded.Entity, "space_lift_stack/" + r.StackId)) < order.IndexOf(Recorded.Urn(Recorded.Entity, "spacelift_run/" + r.Id))));

        Assert.Contains("spacelift_run/webhook-run", entities.Keys);
        Assert.DoesNotContain("spacelift_run/stale-run", entities.Keys);
        Assert.Empty(calls.Errors());
    }

    /// <summary>Port as an earlier run and the webhook left it: the blueprints, the stack, a run written after any read and one older than the history.</summary>
    private static async Task SeedAsync(PulumiWorld world, string stack)
    {
        var inputs = new IntegrationInputs("space_lift_stack", world.Emulators.PortUrl, world.Emulators.SpaceliftUrl, new Secret("id"), new Secret("secret")) { Catalogue = new Catalogue(10) };
        using var api = new PortApi(world.Emulators.PortUrl, world.Emulators.Options.PortClientId, world.Emulators.Options.PortClientSecret);
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", CatalogueBlueprints.Spaces(inputs));
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", CatalogueBlueprints.Stacks(inputs));
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", CatalogueBlueprints.Runs(inputs));
        await api.SendAsync(HttpMethod.Post, "v1/blueprints/space_lift_stack/entities", new JsonObject { ["identifier"] = stack, ["title"] = stack, ["properties"] = new JsonObject() });
        foreach (var (id, at) in new[] { ("webhook-run", DateTimeOffset.UtcNow.AddDays(1)), ("stale-run", new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)) })
        {
            await api.SendAsync(HttpMethod.Post, "v1/blueprints/spacelift_run/entities", new JsonObject
            {
                ["identifier"] = id,
                ["title"] = id,
                ["properties"] = new JsonObject { ["state"] = "FINISHED", ["type"] = "TRACKED", ["createdAt"] = CatalogueEntities.Time(at) },
                ["relations"] = new JsonObject { ["stack"] = stack },
            });
        }
    }

    /// <summary>The program in process under a fresh fake engine, as the language host would start it.</summary>
    private static async Task<(int Exit, IReadOnlyList<RecordedCall> Calls)> RunAsync(PulumiWorld world)
    {
        foreach (var (key, value) in world.Config)
        {
            world.Cli.ConfigSet("dev", key, value, secret: world.SecretKeys.Contains(key));
        }

        var (config, secretKeys) = world.Cli.ProgramConfig("dev");
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        var environment = LanguageHost.Environment(engine, world.Directory, config, secretKeys).ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var exit = await PulumiProgram.RunAsync(new SpaceliftIntegration(), environment, world.Directory, TextWriter.Null, TimeProvider.System, CancellationToken.None);
        return (exit, [.. engine.Calls]);
    }
}
