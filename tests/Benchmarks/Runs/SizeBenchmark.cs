using Benchmarks.Emulation;
using Benchmarks.Measurement;

namespace Benchmarks.Runs;

/// <summary>
/// Everything measured for one account size at one latency, on one fresh pair of emulators: the naive
/// baseline, then the product's first sync, idle run, 1% changed and 10% removed.
/// </summary>
public sealed class SizeBenchmark(BenchmarkOptions options, RequestCounter counter, TextWriter log)
{
    public async Task<(BaselineResult? Baseline, IReadOnlyList<RunResult> Runs, string Placement)> RunAsync(
        int stacks, int latencyMs, CancellationToken cancellationToken)
    {
        await using var emulators = await StartEmulatorsAsync(stacks, latencyMs, cancellationToken).ConfigureAwait(false);
        var meter = new MeasuredRun(counter, emulators.PortUrl, emulators.SpaceliftUrl);
        var baseline = await BaselineAsync(emulators, meter, stacks, latencyMs, cancellationToken).ConfigureAwait(false);

        var stateDir = Directory.CreateTempSubdirectory("infra-benchmark-");
        try
        {
            var product = new ProductDriver(ProductDriver.Configure(emulators.PortUrl, emulators.SpaceliftUrl, options.Concurrency, stateDir.FullName));
            var runs = new List<RunResult>
            {
                await SyncAsync(product, meter, stacks, latencyMs, "first sync", cancellationToken).ConfigureAwait(false),
                await SyncAsync(product, meter, stacks, latencyMs, "idle run", cancellationToken).ConfigureAwait(false),
            };

            var toChange = (stacks + 99) / 100;
            runs.Add(await EditThenSyncAsync(
                () => emulators.ChangeStacksAsync(toChange, cancellationToken), product, meter, stacks, latencyMs, "1% changed", cancellationToken)
                .ConfigureAwait(false));
            runs.Add(await EditThenSyncAsync(
                () => emulators.RemoveStacksAsync(stacks / 10, cancellationToken), product, meter, stacks, latencyMs, "10% removed", cancellationToken)
                .ConfigureAwait(false));
            return (baseline, runs, emulators.Placement);
        }
        finally
        {
            stateDir.Delete(recursive: true);
        }
    }

    private async Task<IEmulatorSession> StartEmulatorsAsync(int stacks, int latencyMs, CancellationToken cancellationToken)
    {
        log.WriteLine($"[{stacks} stacks, {latencyMs} ms] starting the emulators");
        return options.EmulatorsOutOfProcess
            ? await ChildProcessEmulators.StartAsync(stacks, latencyMs, cancellationToken).ConfigureAwait(false)
            : await InProcessEmulators.StartAsync(stacks, latencyMs, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BaselineResult?> BaselineAsync(IEmulatorSession emulators, MeasuredRun meter, int stacks, int latencyMs, CancellationToken cancellationToken)
    {
        log.WriteLine($"[{stacks} stacks, {latencyMs} ms] naive baseline on at most {options.BaselineMax} stacks");
        var baseline = new NaiveBaseline(emulators.PortUrl, emulators.SpaceliftUrl);
        try
        {
            await baseline.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var (value, _, _, requests, _) = await meter.RunAsync(() => baseline.RunAsync(options.BaselineMax, cancellationToken)).ConfigureAwait(false);
            return new BaselineResult(latencyMs, stacks, value.MeasuredOn, value.Fixed, value.PerStack, value.Rejected, requests);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException)
        {
            log.WriteLine($"  baseline failed: {e.Message}");
            return null;
        }
    }

    private async Task<RunResult> EditThenSyncAsync(
        Func<Task<int>> edit, ProductDriver product, MeasuredRun meter, int stacks, int latencyMs, string name, CancellationToken cancellationToken)
    {
        try
        {
            var edited = await edit().ConfigureAwait(false);
            return await SyncAsync(product, meter, stacks, latencyMs, $"{name} ({edited})", cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException e)
        {
            log.WriteLine($"  {name}: {e.Message}");
            return RunResult.NotRun(latencyMs, stacks, name, e.Message);
        }
    }

    private async Task<RunResult> SyncAsync(ProductDriver product, MeasuredRun meter, int stacks, int latencyMs, string name, CancellationToken cancellationToken)
    {
        log.WriteLine($"[{stacks} stacks, {latencyMs} ms] {name}");
        try
        {
            var (value, wall, cpu, requests, memory) = await meter.RunAsync(() => product.SyncAsync(cancellationToken)).ConfigureAwait(false);
            log.WriteLine($"  {wall.TotalSeconds:F2} s, {requests.Reads} reads, {requests.Writes} writes, {value.Outcome}");
            return new RunResult(latencyMs, stacks, name, wall, value.ReadTime, cpu, requests, memory, value.Outcome, value.Succeeded);
        }
        catch (Exception e) when (e is Infra.Cli.Diagnostics.InfraException or HttpRequestException or NotImplementedException)
        {
            log.WriteLine($"  {name} failed: {e.GetType().Name}: {e.Message}");
            return RunResult.NotRun(latencyMs, stacks, name, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
