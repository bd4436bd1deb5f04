using System.Globalization;
using Benchmarks.Measurement;
using Benchmarks.Reporting;
using Emulators.Hosting;

namespace Benchmarks.Runs;

/// <summary>
/// The guide's catalogue (stacks only) against the full one (spaces, stacks, each stack's latest tracked runs)
/// on the same Spacelift account: for each, on a fresh pair of in-process emulators, the first sync into an
/// empty Port organisation and the idle run after it, with the same measurements as the size benchmark.
/// </summary>
public static class CatalogueBenchmark
{
    public const string Verb = "catalogue";

    public const string Usage =
        "       dotnet run -c Release --project tests/Benchmarks -- catalogue [--stacks 2000] [--spaces 50] [--runs 10] [--latency 20] [--concurrency 16]\n" +
        "  catalogue                   guide (stacks only) against full (spaces and runs): first sync and idle run\n";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (stacks, spaces, runs, latency, concurrency) = (2_000, 50, 10, 20, 16);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.Parse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture);
            _ = args[i] switch
            {
                "--stacks" => stacks = value,
                "--spaces" => spaces = value,
                "--runs" => runs = value,
                "--latency" => latency = value,
                "--concurrency" => concurrency = value,
                _ => throw new ArgumentException($"unknown flag '{args[i]}'"),
            };
        }

        var log = Console.Error;
        var loadAtStart = BuildInfo.LoadAverage();
        using var counter = new RequestCounter();
        log.WriteLine("warm-up (not reported)");
        await MeasureAsync(counter, "full", 50, 4, 3, 0, concurrency, log);

        var results = new List<(string Catalogue, RunResult Run)>();
        foreach (var catalogue in new[] { "guide", "full" })
        {
            foreach (var run in await MeasureAsync(counter, catalogue, stacks, spaces, runs, latency, concurrency, log))
            {
                results.Add((catalogue, run));
            }
        }

        Console.WriteLine($"Catalogue benchmark, commit {BuildInfo.Commit()}, {BuildInfo.Machine()}");
        Console.WriteLine($"{stacks:N0} stacks in {spaces} generated spaces, {runs} tracked runs per stack that has run, latency {latency} ms, concurrency {concurrency}; emulators in this process");
        Console.WriteLine($"load average at start: {loadAtStart}; at end: {BuildInfo.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| catalogue | run | wall s | plan (reads) s | CPU s | Spacelift requests | Port reads | Port writes | bulk writes | peak RSS MiB (at start) | managed peak MiB | allocated MiB | plan |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (catalogue, run) in results)
        {
            var r = run.Requests;
            var m = run.Memory;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {catalogue} | {run.Name} | {run.Wall.TotalSeconds:F2} | {run.ReadTime.TotalSeconds:F2} | {run.Cpu.TotalSeconds:F2} | {r.SpaceliftRequests:N0} | {r.PortReads:N0} | {r.PortWrites:N0} | {r.ParallelWrites:N0} | {Mib(m.PeakRssBytes)} ({Mib(m.StartRssBytes)}) | {Mib(m.ManagedPeakBytes)} | {Mib(m.AllocatedBytes)} | {run.Outcome} |"));
        }

        return results.All(r => r.Run.Succeeded) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<RunResult>> MeasureAsync(
        RequestCounter counter, string catalogue, int stacks, int spaces, int runs, int latency, int concurrency, TextWriter log)
    {
        log.WriteLine($"[{catalogue}: {stacks} stacks, {spaces} spaces, {runs} runs, {latency} ms]");
        await using var emulators = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = stacks, Spaces = spaces, RunsPerStack = runs, LatencyMs = latency });
        var stateDir = Directory.CreateTempSubdirectory("infra-catalogue-benchmark-");
        try
        {
            var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["infra:catalogue"] = catalogue };
            if (catalogue == "full")
            {
                extra["infra:runsPerStack"] = runs.ToString(CultureInfo.InvariantCulture);
            }

            var product = new ProductDriver(ProductDriver.Configure(emulators.PortUrl, emulators.SpaceliftUrl, concurrency, stateDir.FullName, extra));
            var meter = new MeasuredRun(counter, emulators.PortUrl, emulators.SpaceliftUrl);
            var results = new List<RunResult>();
            foreach (var name in new[] { "first sync", "idle run" })
            {
                var (value, wall, cpu, requests, memory) = await meter.RunAsync(() => product.SyncAsync(CancellationToken.None));
                log.WriteLine($"  {name}: {wall.TotalSeconds:F2} s, {requests.Reads} reads, {requests.Writes} writes, {value.Outcome}");
                results.Add(new RunResult(latency, stacks, name, wall, value.ReadTime, cpu, requests, memory, value.Outcome, value.Succeeded));
            }

            return results;
        }
        finally
        {
            stateDir.Delete(recursive: true);
        }
    }

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);
}
