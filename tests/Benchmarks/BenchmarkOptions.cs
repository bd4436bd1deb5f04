using System.Globalization;

namespace Benchmarks;

/// <summary>The command line of the benchmark, parsed and validated.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<int> Sizes,
    IReadOnlyList<int> LatenciesMs,
    int Concurrency,
    int BaselineMax,
    string? OutFile,
    bool EmulatorsOutOfProcess)
{
    public static readonly IReadOnlyList<int> DefaultSizes = [100, 1_000, 5_000, 20_000];
    public static readonly IReadOnlyList<int> DefaultLatencies = [20, 50];

    public const string Usage =
        "usage: dotnet run -c Release --project tests/Benchmarks -- [--sizes 100,1000,5000,20000] [--latency 20,50]\n" +
        "       [--concurrency 16] [--baseline-max 500] [--quick] [--emulators-out-of-process] [--out FILE.md]\n" +
        "  --quick                     sizes 100,1000 and latency 20 (a fast check)\n" +
        "  --baseline-max N            the naive baseline writes at most N stacks and is extrapolated linearly\n" +
        "  --emulators-out-of-process  run the emulators in a child process so peak RSS is the product's alone\n" +
        "       dotnet run -c Release --project tests/Benchmarks -- pulumi-engine [--stacks 5000]\n" +
        "  pulumi-engine               Pulumi engine mode: time to register the entities with a fake engine (preview, then up)\n" +
        Runs.CatalogueBenchmark.Usage +
        Runs.LiveUpdatesBenchmark.Usage;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the bad flag or value.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        IReadOnlyList<int>? sizes = null;
        IReadOnlyList<int>? latencies = null;
        var concurrency = 16; // the product's default (infra:concurrency in Pulumi.yaml)
        var baselineMax = 500;
        string? outFile = null;
        var quick = false;
        var outOfProcess = false;

        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            switch (flag)
            {
                case "--sizes": sizes = IntList(flag, Value(args, ref i), min: 1); break;
                case "--latency": latencies = IntList(flag, Value(args, ref i), min: 0); break;
                case "--concurrency": concurrency = Int(flag, Value(args, ref i), min: 1, max: 64); break;
                case "--baseline-max": baselineMax = Int(flag, Value(args, ref i), min: 1, max: int.MaxValue); break;
                case "--out": outFile = Value(args, ref i); break;
                case "--quick": quick = true; break;
                case "--emulators-out-of-process": outOfProcess = true; break;
                default: throw new ArgumentException($"unknown flag '{flag}'");
            }
        }

        return new BenchmarkOptions(
            sizes ?? (quick ? [100, 1_000] : DefaultSizes),
            latencies ?? (quick ? [20] : DefaultLatencies),
            concurrency,
            baselineMax,
            outFile,
            outOfProcess);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"flag '{args[i]}' needs a value");
        }

        return args[++i];
    }

    private static int Int(string flag, string text, int min, int max)
    {
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new ArgumentException($"flag '{flag}': '{text}' is not a whole number in {min}..{max}");
        }

        return value;
    }

    private static IReadOnlyList<int> IntList(string flag, string text, int min) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => Int(flag, part, min, int.MaxValue))
            .Distinct()
            .ToArray() is { Length: > 0 } list
            ? list
            : throw new ArgumentException($"flag '{flag}' needs at least one value");
}
