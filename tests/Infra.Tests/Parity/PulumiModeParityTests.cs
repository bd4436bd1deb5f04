using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Tests.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.Parity;

/// <summary>
/// Decisions Pulumi mode must make the way the standalone engine makes them (one shared function each):
/// a refused Spacelift key ends the run as a refused credential, naming the key id as the standalone
/// engine does; a Spacelift read that fails, or a prune held back on doubt, holds the entities alone
/// (kept as Port has them, so Pulumi deletes nothing) while every other resource is still registered,
/// and the run fails.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiModeParityTests
{
    [Fact]
    public async Task A_refused_Spacelift_key_is_a_refused_credential_naming_the_key_id()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        world.Config["spacelift:apiKeySecret"] = "not-the-secret";

        var (run, calls) = await world.RunAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(calls.Custom());
        var message = Recorded.Text(Assert.Single(calls.Errors()).Request, "message")!;
        Assert.Contains($"Spacelift refused API key {world.Config["spacelift:apiKeyId"]}", message, StringComparison.Ordinal);
        Assert.Contains("spacelift:apiKeySecret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_Spacelift_read_holds_the_entities_and_registers_everything_else()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 4 });
        await world.SeedEntitiesAsync(3);
        // The key is proven first; the stack listing that follows fails.
        world.Emulators.Faults.Configure("spacelift.query:500=1", seed: 1);

        var (run, calls) = await world.RunAsync();

        Assert.NotEqual(0, run.ExitCode);
        // The stacks' blueprint and the token lease's; the guide's three actions and the renewal loop's five automations.
        Assert.Equal(2, calls.Custom().Count(c => Recorded.Text(c.Request, "type") == Recorded.Blueprint));
        Assert.Equal(8, calls.Custom().Count(c => Recorded.Text(c.Request, "type") == Recorded.Action));
        // The three entities Port holds are registered as Port has them, and no new one (the lease's set read nothing from Spacelift).
        Assert.Equal(["space_lift_stack/seeded-0", "space_lift_stack/seeded-1", "space_lift_stack/seeded-2", "spacelift_token_lease/SPACELIFT_TOKEN"], calls.Custom().Where(c => Recorded.Text(c.Request, "type") == Recorded.Entity).Select(c => Recorded.Text(c.Request, "name")!).Order(StringComparer.Ordinal));
        Assert.Contains("reading Spacelift failed", Recorded.Text(Assert.Single(calls.Errors()).Request, "message"), StringComparison.Ordinal);
        Assert.DoesNotContain("SignalAndWaitForShutdown", calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Zero_stacks_while_Port_holds_entities_holds_the_deletions_and_registers_everything_else()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 0 });
        await world.SeedEntitiesAsync(3);

        var (run, calls) = await world.RunAsync();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(2, calls.Custom().Count(c => Recorded.Text(c.Request, "type") == Recorded.Blueprint));
        // The three seeded entities kept as Port holds them, and the token's lease.
        Assert.Equal(4, calls.Custom().Count(c => Recorded.Text(c.Request, "type") == Recorded.Entity));
        Assert.Contains("0 stacks", Recorded.Text(Assert.Single(calls.Errors()).Request, "message"), StringComparison.Ordinal);
    }
}
