using System.Diagnostics;
using Infra.Cli.Config;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Hosting;
using Infra.Sdk;
using Infra.Stacks;

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

    /// <summary>
    /// The configuration a user would write for the emulators, with the benchmark's concurrency and state
    /// dir: the repository's Pulumi.yaml and a stack file, in <paramref name="stateDir"/>, loaded as a run loads them.
    /// </summary>
    /// <param name="extra">More keys of the stack file (the catalogue benchmark's <c>infra:catalogue</c>), as written.</param>
    public static StackConfiguration Configure(Uri portUrl, Uri spaceliftUrl, int concurrency, string stateDir, IReadOnlyDictionary<string, string>? extra = null)
    {
        var more = string.Concat((extra ?? new Dictionary<string, string>()).Select(e => $"  {e.Key}: {e.Value}\n"));
        Directory.CreateDirectory(stateDir);
        File.Copy(ProjectFile(), Path.Combine(stateDir, "Pulumi.yaml"), overwrite: true);
        File.WriteAllText(Path.Combine(stateDir, "Pulumi.benchmark.yaml"), $"""
            config:
              port:baseUrl: {portUrl}
              port:clientId: {EmulatorPortClientId}
              port:secret: {EmulatorPortSecret}
              spacelift:apiKeyEndpoint: {spaceliftUrl}
              spacelift:apiKeyId: {EmulatorSpaceliftKeyId}
              spacelift:apiKeySecret: {EmulatorSpaceliftSecret}
              infra:concurrency: {concurrency}
              infra:stateDir: {stateDir}

            """ + more);
        return StackConfigLoader.Load(stateDir, "benchmark", new Dictionary<string, string?>());
    }

    /// <summary>The repository's Pulumi.yaml, found above the benchmark's build output.</summary>
    private static string ProjectFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Pulumi.yaml");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Infra.csproj")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Pulumi.yaml not found above " + AppContext.BaseDirectory);
    }

    /// <returns>The plan phase's duration and a one-line outcome; <c>Succeeded</c> is false when a step failed or errors were raised.</returns>
    public async Task<(TimeSpan ReadTime, string Outcome, bool Succeeded)> SyncAsync(CancellationToken cancellationToken)
    {
        await using var engine = await new StackEngineFactory(new SpaceliftIntegration()).CreateAsync(configuration, "up", exclusive: true, cancellationToken)
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
