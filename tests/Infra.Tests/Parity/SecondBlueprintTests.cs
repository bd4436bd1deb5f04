using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Cli.Diagnostics;
using Infra.Cli.PulumiMode;
using Infra.Tests.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.Parity;

/// <summary>
/// The proof that the executors know no program: a test-only second blueprint with entities from a second
/// query (<see cref="SecondBlueprint"/>) is planned, applied, diffed and pruned by the standalone engine,
/// and registered, updated and pruned (no longer registered) by Pulumi mode, with no change to either.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class SecondBlueprintTests
{
    [Fact]
    public async Task The_standalone_engine_plans_applies_diffs_and_prunes_a_second_blueprint()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 12 });
        sandbox.Engines = Infra.Cli.Hosting.Engines.Create(SecondBlueprint.Program, sandbox.Clock);
        var stacks = sandbox.Emulators.Spacelift.Stacks;
        var spaces = stacks.All().GroupBy(s => s.Space).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(spaces.Count >= 3, $"the emulator generated {spaces.Count} spaces");

        // Applied: one entity per space, after its blueprint.
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Assert.NotNull(sandbox.Emulators.Port.Blueprint(SecondBlueprint.Id));
        Assert.Equal(spaces.Keys.Order(), Ids(sandbox));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        // Diffed: a stack moves, so two counts change.
        var (from, to) = (spaces.Keys.Order().First(), spaces.Keys.Order().Last());
        var moved = stacks.All().First(s => s.Space == from);
        stacks.Update(moved.Id, s => s with { Space = to });
        var preview = await sandbox.Cli("preview", "--diff");
        Expect.Exit(ExitCodes.Success, preview);
        Assert.True(preview.Output.Contains($"~  port:index/entity:Entity {SecondBlueprint.Id}/{to} update", StringComparison.Ordinal), preview.Output);

        // Pruned: the space loses its last stack.
        foreach (var stack in stacks.All().Where(s => s.Space == from).ToList())
        {
            stacks.Remove(stack.Id);
        }

        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Assert.DoesNotContain(from, Ids(sandbox));
        Assert.Equal(spaces[to] + 1, Count(sandbox, to));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));

        // Destroyed with the rest of the program's resources.
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("destroy", "--yes"));
        Assert.Null(sandbox.Emulators.Port.Blueprint(SecondBlueprint.Id));
    }

    [Fact]
    public async Task Pulumi_mode_registers_updates_and_prunes_a_second_blueprint_under_the_same_gate()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 12 });
        var stacks = world.Emulators.Spacelift.Stacks;
        var spaces = stacks.All().GroupBy(s => s.Space).ToDictionary(g => g.Key, g => g.Count());

        var first = await RunAsync(world);

        Assert.Equal(0, first.Exit);
        var blueprint = Recorded.Urn(Recorded.Blueprint, SecondBlueprint.Id);
        var registered = Entities(first.Calls);
        Assert.Equal(spaces.Keys.Select(k => $"{SecondBlueprint.Id}/{k}").Order(), registered.Select(c => Recorded.Text(c.Request, "name")!).Order());
        Assert.All(registered, c => Assert.Contains(blueprint, Recorded.Strings(c.Request, "dependencies")));
        // Named blueprint/identifier, with the URN of the identifier alone (how entities were named) as an alias.
        Assert.All(registered, c => Assert.Equal(
            [Recorded.Urn(Recorded.Entity, Recorded.Text(c.Request, "name")!.Split('/')[1])],
            Recorded.Strings(c.Request, "aliasURNs")));

        // A space that loses its stacks is no longer registered: Pulumi deletes it.
        var gone = spaces.Keys.Order().First();
        foreach (var stack in stacks.All().Where(s => s.Space == gone).ToList())
        {
            stacks.Remove(stack.Id);
        }

        var second = await RunAsync(world);

        Assert.Equal(0, second.Exit);
        Assert.DoesNotContain($"{SecondBlueprint.Id}/{gone}", Entities(second.Calls).Select(c => Recorded.Text(c.Request, "name")));
        Assert.Equal(spaces.Count - 1, Entities(second.Calls).Count);
    }

    private static List<RecordedCall> Entities(IReadOnlyList<RecordedCall> calls)
        => [.. calls.Custom().Where(c => Recorded.Text(c.Request, "type") == Recorded.Entity && Recorded.Text(c.Request, "name")!.StartsWith(SecondBlueprint.Id + "/", StringComparison.Ordinal))];

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
        var exit = await PulumiProgram.RunAsync(SecondBlueprint.Program, environment, world.Directory, TextWriter.Null, TimeProvider.System, CancellationToken.None);
        return (exit, [.. engine.Calls]);
    }

    private static IReadOnlyList<string> Ids(Sandbox sandbox)
        => [.. sandbox.Emulators.Port.Entities(SecondBlueprint.Id).Select(e => e["identifier"]!.GetValue<string>()).Order()];

    private static int Count(Sandbox sandbox, string space)
        => sandbox.Emulators.Port.Entities(SecondBlueprint.Id).Single(e => e["identifier"]!.GetValue<string>() == space)["properties"]!["stacks"]!.GetValue<int>();
}
