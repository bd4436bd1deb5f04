using Infra.Stacks;
using System.Diagnostics;
using Infra.Cli.Config;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Benchmarks.Runs;

/// <summary>
/// Runs the product the way <c>up --yes</c> does: a fresh engine per run (lock, clients, a new token),
/// plan against live Port, apply. Nothing is cached between runs except the engine's own state directory.
/// </summary>
public sealed class ProductDriver(StackConfiguration configuration)
{
    public const string EmulatorPortClientId = "emulator";
    public const string EmulatorPortSecret = "emulator";
    public const string EmulatorSpaceliftKeyId = "01EMULATOREMULATOREMULATOR";
    public const string EmulatorSpaceliftSecret = "emulator";

    /// <summary>The configuration a user would write for the emulators, with the benchmark's concurrency and state dir.</summary>
    public static StackConfiguration Configure(Uri portUrl, Uri spaceliftUrl, int concurrency, string stateDir) => new(
        Project: "infra",
        Stack: "benchmark",
        StackFile: Path.Combine(stateDir, "Pulumi.benchmark.yaml"),
        new PortSettings(portUrl, EmulatorPortClientId, new Secret(EmulatorPortSecret)),
        new SpaceliftSettings(spaceliftUrl, EmulatorSpaceliftKeyId, new Secret(EmulatorSpaceliftSecret)),
        new ProjectSettings(
            Blueprint: "space_lift_stack",
            PruneThreshold: 90,
            TokenRotationWindow: TimeSpan.FromMinutes(180),
            Concurrency: concurrency,
            StateDir: stateDir,
            Insecure: false,
            Demo: null));

    /// <returns>The plan phase's duration and a one-line outcome; <c>Succeeded</c> is false when a step failed or errors were raised.</returns>
    public async Task<(TimeSpan ReadTime, string Outcome, bool Succeeded)> SyncAsync(CancellationToken cancellationToken)
    {
        await using var engine = await new StackEngineFactory(SpaceliftIntegration.Declare).CreateAsync(configuration, "up", exclusive: true, cancellationToken)
            .ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var plan = await engine.PlanAsync(Operation.Update, new PlanOptions(), cancellationToken).ConfigureAwait(false);
        var readTime = clock.Elapsed;
        var result = await engine.ApplyAsync(plan, progress: null, cancellationToken).ConfigureAwait(false);
        var errors = plan.Diagnostics.Concat(result.Diagnostics).Count(d => d.Severity == Severity.Error);
        return (readTime, Describe(plan, result.Failed, errors), result.Failed == 0 && errors == 0);
    }

    private static string Describe(Plan plan, int failed, int errors)
    {
        var summary = plan.Summary;
        int Count(ChangeKind kind) => summary.TryGetValue(kind, out var n) ? n : 0;
        var text = $"+{Count(ChangeKind.Create)} ~{Count(ChangeKind.Update)} -{Count(ChangeKind.Delete)} ={Count(ChangeKind.Same)}";
        return failed + errors == 0 ? text : $"{text}, {failed} failed, {errors} errors";
    }
}
