using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Benchmarks.Reporting;
using Emulators.Hosting;
using Emulators.Spacelift;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Webhooks;

namespace Benchmarks.Runs;

/// <summary>
/// The live-updates loop in the emulators, both in-process over loopback HTTP: Spacelift's run-event pump →
/// signed delivery → Port's ingest → mapping → entity write. Prints (1) the delay from a run's state change
/// (the pump's emit) to the entity's commit, p50/p95/max over tracked runs triggered through <c>runTrigger</c>,
/// and (2) the highest event rate the loop holds with nothing lost, raising the rate step by step.
/// </summary>
public static class LiveUpdatesBenchmark
{
    public const string Verb = "live-updates";

    public const string Usage =
        "       dotnet run -c Release --project tests/Benchmarks -- live-updates [--stacks 20] [--runs 200] [--step-ms 50] [--seconds 3]\n" +
        "  live-updates                the live-updates loop: emit → commit delay (p50/p95/max) and the highest event rate held with nothing lost";

    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(1);
    private static readonly int[] Rates = [250, 500, 1_000, 2_000, 4_000, 8_000, 16_000];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var stacks = Flag(args, "--stacks", 20);
        var runs = Flag(args, "--runs", 200);
        var step = TimeSpan.FromMilliseconds(Flag(args, "--step-ms", 50));
        var seconds = Flag(args, "--seconds", 3);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        Console.WriteLine($"# Live updates loop (commit {BuildInfo.Commit()}, load {BuildInfo.LoadAverage()})");
        Console.WriteLine($"machine: {BuildInfo.Machine()}");
        Console.WriteLine();

        var latency = await MeasureLatencyAsync(stacks, runs, step, cancel.Token);
        Console.WriteLine($"emit → commit delay over {latency.Count:N0} state changes ({runs} tracked runs via runTrigger over HTTP, {stacks} stacks, {step.TotalMilliseconds:0} ms a step): " +
            $"p50 {latency.P50:0.0} ms, p95 {latency.P95:0.0} ms, max {latency.Max:0.0} ms; lost {latency.Lost}");
        Console.WriteLine();
        Console.WriteLine($"| offered events/s | events | applied | lost | drain after the last emit | holds |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---|");
        var held = 0;
        foreach (var rate in Rates)
        {
            var result = await MeasureRateAsync(stacks, rate, TimeSpan.FromSeconds(seconds), cancel.Token);
            var holds = result.Lost == 0 && result.Drain <= DrainLimit;
            Console.WriteLine($"| {rate:N0} | {result.Events:N0} | {result.Applied:N0} | {result.Lost:N0} | {result.Drain.TotalMilliseconds:N0} ms | {(holds ? "yes" : "no")} |");
            if (!holds)
            {
                break;
            }

            held = rate;
        }

        Console.WriteLine();
        Console.WriteLine(held > 0
            ? $"highest rate held with nothing lost (and drained within {DrainLimit.TotalSeconds:0} s): {held:N0} events/s"
            : "no rate held");
        return latency.Lost == 0 ? 0 : 1;
    }

    private sealed record Latency(int Count, double P50, double P95, double Max, int Lost);

    private sealed record RateResult(int Events, int Applied, int Lost, TimeSpan Drain);

    private static async Task<Latency> MeasureLatencyAsync(int stacks, int runs, TimeSpan step, CancellationToken cancellationToken)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = stacks }, cancellationToken);
        host.Spacelift.Runs.Script = RunScript.Default with { StepDuration = step };
        var ids = Targets(host);
        await LiveUpdatesSetup.ConfigureAsync(host, ids, cancellationToken);
        var (emitted, committed) = Stamps(host);

        using var http = new HttpClient();
        var token = host.Spacelift.Tokens.Exchange(host.Options.SpaceliftKeyId, host.Options.SpaceliftKeySecret)!.Jwt;
        for (var i = 0; i < runs; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, host.SpaceliftGraphQLUrl)
            {
                Content = new StringContent(
                    new JsonObject { ["query"] = "mutation($s: ID!) { runTrigger(stack: $s) { id } }", ["variables"] = new JsonObject { ["s"] = ids[i % ids.Count] } }.ToJsonString(),
                    Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            await Task.Delay(step / 2, cancellationToken);
        }

        await Task.Delay(step * (RunScript.Default.States.Count + 1), cancellationToken);
        await IdleAsync(host, cancellationToken);
        var delays = emitted.Where(e => committed.ContainsKey(e.Key))
            .Select(e => Stopwatch.GetElapsedTime(e.Value, committed[e.Key]).TotalMilliseconds)
            .Order()
            .ToArray();
        return new Latency(delays.Length, Percentile(delays, 0.50), Percentile(delays, 0.95), delays.Length == 0 ? 0 : delays[^1], emitted.Count - delays.Length);
    }

    /// <summary>
    /// Offers <paramref name="rate"/> events a second for <paramref name="duration"/>: runs are recorded straight
    /// into the emulator's ledger (a zero-length script, so each run emits its six states at once), which measures
    /// the loop rather than the GraphQL trigger path. Lost = emitted tracked events not applied, plus any
    /// dropped or abandoned delivery, plus a stack whose entity does not end at Spacelift's state.
    /// </summary>
    private static async Task<RateResult> MeasureRateAsync(int stacks, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = stacks }, cancellationToken);
        host.Spacelift.Runs.Script = RunScript.Default with { StepDuration = TimeSpan.Zero };
        var ids = Targets(host);
        await LiveUpdatesSetup.ConfigureAsync(host, ids, cancellationToken);
        var (emitted, committed) = Stamps(host);
        var perRun = RunScript.Default.States.Count;
        var clock = Stopwatch.StartNew();
        var recorded = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)Math.Ceiling(rate * clock.Elapsed.TotalSeconds / perRun);
            for (; recorded < due; recorded++)
            {
                var now = host.Spacelift.Time.GetUtcNow();
                var stack = host.Spacelift.Stacks.Find(ids[recorded % ids.Count])!;
                host.Spacelift.Runs.Record(new EmulatedRun
                {
                    Id = Ulid.New(now), StackId = stack.Id, Type = "TRACKED", CreatedAt = now, Branch = stack.Branch,
                    CommitSha = stack.TrackedCommitSha ?? new string('0', 40), TriggeredBy = "api::benchmark", Token = "benchmark",
                });
            }

            host.Spacelift.RunEvents.Poke();
            await Task.Delay(10, cancellationToken);
        }

        var generated = clock.Elapsed;
        await IdleAsync(host, cancellationToken);
        var drain = clock.Elapsed - generated;
        var failedDeliveries = host.Spacelift.Webhooks.Deliveries.Count(d => d.Outcome is WebhookDeliveryOutcome.Dropped or WebhookDeliveryOutcome.Abandoned);
        var stale = 0;
        foreach (var id in ids)
        {
            var entity = host.Port.Entities(LiveUpdatesSetup.Blueprint).First(e => e["identifier"]!.GetValue<string>() == id);
            var latest = host.Spacelift.Runs.Latest(id, "TRACKED");
            var expected = latest is null ? "NONE" : host.Spacelift.Runs.Script.StateAt(latest.CreatedAt, host.Spacelift.Time.GetUtcNow()).State;
            stale += entity["properties"]!["state"]?.GetValue<string>() == expected ? 0 : 1;
        }

        var applied = emitted.Keys.Count(committed.ContainsKey);
        return new RateResult(emitted.Count, applied, emitted.Count - applied + failedDeliveries + stale, drain);
    }

    /// <summary>The stacks the root space's webhook and policy reach (the legacy space does not inherit).</summary>
    private static List<string> Targets(EmulatorHost host)
        => [.. host.Spacelift.Stacks.All().Where(s => s.Space != "legacy").Select(s => s.Id)];

    private static (ConcurrentDictionary<(string, int), long> Emitted, ConcurrentDictionary<(string, int), long> Committed) Stamps(EmulatorHost host)
    {
        var emitted = new ConcurrentDictionary<(string, int), long>();
        var committed = new ConcurrentDictionary<(string, int), long>();
        host.Spacelift.RunEvents.Emitted += e =>
        {
            if (e.Run.Type == "TRACKED")
            {
                emitted[(e.Run.Id, e.StateVersion)] = e.EmittedTimestamp;
            }
        };
        host.Port.WebhookEventProcessed += o =>
        {
            if (o.Results.Any(r => r.Success) && o.Body?["run"]?["id"]?.GetValue<string>() is { } run)
            {
                committed[(run, o.Body["stateVersion"]!.GetValue<int>())] = o.CommittedTimestamp;
            }
        };
        return (emitted, committed);
    }

    private static async Task IdleAsync(EmulatorHost host, CancellationToken cancellationToken)
    {
        // Deliveries feed the ingest; the ingest never feeds deliveries, so two rounds settle both.
        for (var round = 0; round < 2; round++)
        {
            await host.Spacelift.Webhooks.WhenIdleAsync(cancellationToken);
            await host.Port.WhenIdleAsync(cancellationToken);
        }
    }

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Flag(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return fallback;
    }
}
