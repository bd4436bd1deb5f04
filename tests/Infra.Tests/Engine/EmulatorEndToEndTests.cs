using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Hosting;
using Infra.Tests.Support;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;
using Infra.Cli.Http;
using Infra.Stacks;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

/// <summary>The engine over the real HTTP clients and both emulators: up converges, and a second plan has no changes.</summary>
public sealed class EmulatorEndToEndTests
{
    [Fact]
    public async Task UpAgainstTheEmulatorsConvergesWithNoPerpetualDiff()
    {
        // Given
        var stateDir = Directory.CreateTempSubdirectory("infra-e2e-").FullName;
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 40 });
        var configuration = new StackConfiguration(
            "infra",
            "e2e",
            "Pulumi.e2e.yaml",
            new PortSettings(host.PortUrl, "emulator", new Secret("emulator")),
            new SpaceliftSettings(host.SpaceliftUrl, "01EMULATOREMULATOREMULATOR", new Secret("emulator")),
            new ProjectSettings(0.5, 4, stateDir, false, null))
        {
            Values = new TestStackConfig(),
        };
        var options = new ClientOptions(Concurrency: 4);
        StackEngine NewEngine() => new(new SpaceliftIntegration(), configuration, StackServicesFactory.Create(configuration, options), new FileStateStore(stateDir, "e2e"), TimeProvider.System);

        // When
        ApplyResult result;
        await using (var engine = NewEngine())
        {
            var plan = await engine.PlanAsync(Operation.Update, new PlanOptions(), CancellationToken.None);
            result = await engine.ApplyAsync(plan, null, CancellationToken.None);
        }

        // Then
        Assert.True(result.Failed == 0, string.Join("\n", result.Steps.Where(s => s.Outcome != StepOutcome.Succeeded).Select(s => $"{s.Change.Address}: {s.Message}")));
        // The guide's 9 resources, 40 entities, and the self-renewing token's 7 (a blueprint, 5 automations, the lease).
        Assert.Equal(56, result.Plan.Changes.Count);
        await using (var engine = NewEngine())
        {
            var again = await engine.PlanAsync(Operation.Update, new PlanOptions(), CancellationToken.None);
            Assert.True(!again.HasChanges, string.Join("\n", again.Changes.Where(c => c.Kind != ChangeKind.Same).Select(c => $"{c.Kind} {c.Address}: {string.Join(", ", c.Diffs.Select(d => $"{d.Path} {d.Kind} {d.Old?.ToJsonString()} -> {d.New?.ToJsonString()}"))} {c.Reason}")));
        }

        await using (var engine = NewEngine())
        {
            var destroy = await engine.PlanAsync(Operation.Destroy, new PlanOptions(), CancellationToken.None);
            var destroyed = await engine.ApplyAsync(destroy, null, CancellationToken.None);
            Assert.True(destroyed.Failed == 0, string.Join("\n", destroyed.Steps.Where(s => s.Outcome != StepOutcome.Succeeded).Select(s => $"{s.Change.Address}: {s.Message}")));
            var empty = await engine.PlanAsync(Operation.Destroy, new PlanOptions(), CancellationToken.None);
            Assert.Empty(empty.Changes);
        }

        Directory.Delete(stateDir, recursive: true);
    }
}
