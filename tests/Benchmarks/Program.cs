using Benchmarks;
using Benchmarks.Emulation;
using Benchmarks.Measurement;
using Benchmarks.Reporting;
using Benchmarks.Runs;

if (args is [EmulatorServer.Verb, .. var serveArgs])
{
    return await EmulatorServer.RunAsync(serveArgs);
}

if (args is [PulumiEngineBenchmark.Verb, .. var pulumiArgs])
{
    return await PulumiEngineBenchmark.RunAsync(pulumiArgs);
}

if (args is [CatalogueBenchmark.Verb, .. var catalogueArgs])
{
    return await CatalogueBenchmark.RunAsync(catalogueArgs);
}

if (args is [LiveUpdatesBenchmark.Verb, .. var liveArgs])
{
    return await LiveUpdatesBenchmark.RunAsync(liveArgs);
}

if (args is ["--help" or "-h"])
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var started = DateTimeOffset.UtcNow;
var log = Console.Error;
using var counter = new RequestCounter();
var size = new SizeBenchmark(options, counter, log);
var loadAtStart = BuildInfo.LoadAverage();

// One small untimed round first, so JIT compilation and first connections are not billed to the first size.
log.WriteLine("warm-up (not reported)");
await size.RunAsync(stacks: 50, latencyMs: 0, cancel.Token);

var runs = new List<RunResult>();
var baselines = new List<BaselineResult>();
var placement = "";
foreach (var latency in options.LatenciesMs)
{
    foreach (var stacks in options.Sizes)
    {
        var (baseline, sizeRuns, where) = await size.RunAsync(stacks, latency, cancel.Token);
        runs.AddRange(sizeRuns);
        placement = where;
        if (baseline is not null)
        {
            baselines.Add(baseline);
        }
    }
}

var context = new ReportContext(
    BuildInfo.Commit(),
    "dotnet run -c Release --project tests/Benchmarks -- " + string.Join(' ', args),
    BuildInfo.Machine(),
    placement,
    options.Concurrency,
    options.BaselineMax,
    started,
    loadAtStart,
    BuildInfo.LoadAverage());
var report = MarkdownReport.Render(context, runs, baselines);
Console.WriteLine(report);

var outFile = options.OutFile ?? Path.Combine("tests", "Benchmarks", "results", $"run-{started:yyyyMMdd-HHmm}.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
await File.WriteAllTextAsync(outFile, report);
log.WriteLine($"written to {outFile}");
return runs.All(r => r.Succeeded) ? 0 : 1;
