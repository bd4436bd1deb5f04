using System.Globalization;
using System.Text;
using Benchmarks.Runs;

namespace Benchmarks.Reporting;

/// <summary>Renders the measured figures as Markdown: context, one row per run, the baseline comparison, and the targets.</summary>
public static class MarkdownReport
{
    private const double MiB = 1024 * 1024;
    private const int TargetStacks = 5_000;
    private const int TargetLatencyMs = 50;
    private const int MemoryStacks = 20_000;
    private const double MemoryLimitMiB = 300;

    public static string Render(ReportContext context, IReadOnlyList<RunResult> runs, IReadOnlyList<BaselineResult> baselines)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark: Port × Spacelift sync against the emulators").AppendLine();
        md.AppendLine(Inv($"- started: {context.Started:yyyy-MM-dd HH:mm} UTC; commit `{context.Commit}`"));
        md.AppendLine(Inv($"- machine: {context.Machine}"));
        md.AppendLine(Inv($"- load average (1/5/15 min): {context.LoadAtStart} at start, {context.LoadAtEnd} at end"));
        md.AppendLine(Inv($"- command: `{context.Command}`"));
        md.AppendLine(Inv($"- emulators: {context.Placement}; latency added by the emulators to every response"));
        md.AppendLine(Inv($"- product: `StackEngineFactory` → `PlanAsync(Update)` → `ApplyAsync`, a fresh engine per run, concurrency {context.Concurrency}"));
        md.AppendLine("- requests: counted on the wire from this process (each retry counts); reads = GETs, searches, tokens and all Spacelift calls; writes = other Port calls");
        md.AppendLine(Inv($"- physical limit = (sequential requests + ⌈bulk writes ÷ {context.Concurrency}⌉) × latency"));
        md.AppendLine("- memory: peak RSS of this process during the run (VmHWM, reset per run); managed = highest sampled GC heap, with its growth over the heap before the run");
        md.AppendLine().AppendLine("## Runs").AppendLine();
        md.AppendLine("| latency ms | stacks | run | wall s | plan (reads) s | CPU s | reads | writes | bulk writes | mean request ms Spacelift / Port | physical limit s | wall ÷ limit | limit at observed mean s | wall ÷ observed | peak RSS MiB (at start) | managed peak MiB (growth) | allocated MiB | plan |");
        md.AppendLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            if (run.Wall == TimeSpan.Zero)
            {
                md.AppendLine(Inv($"| {run.LatencyMs} | {run.Stacks} | {run.Name} | – | – | – | – | – | – | – | – | – | – | – | – | – | – | {run.Outcome} |"));
                continue;
            }

            var limit = run.Requests.PhysicalLimit(run.LatencyMs, context.Concurrency);
            var observed = run.Requests.ObservedLimit(context.Concurrency);
            md.AppendLine(Inv(
                $"| {run.LatencyMs} | {run.Stacks} | {run.Name} | {run.Wall.TotalSeconds:F2} | {run.ReadTime.TotalSeconds:F2} | {run.Cpu.TotalSeconds:F2} | {run.Requests.Reads} | {run.Requests.Writes} | {run.Requests.ParallelWrites} | {run.Requests.SpaceliftMean.TotalMilliseconds:F0} / {run.Requests.PortMean.TotalMilliseconds:F0} | {limit.TotalSeconds:F2} | {Ratio(run.Wall, limit)} | {observed.TotalSeconds:F2} | {Ratio(run.Wall, observed)} | {run.Memory.PeakRssBytes / MiB:F0} ({run.Memory.StartRssBytes / MiB:F0}) | {run.Memory.ManagedPeakBytes / MiB:F0} ({run.Memory.ManagedGrowthBytes / MiB:F0}) | {run.Memory.AllocatedBytes / MiB:F0} | {run.Outcome}{Throttling(run)} |"));
        }

        md.AppendLine().AppendLine("## First sync against the naive baseline").AppendLine();
        md.AppendLine("The baseline does what the guide's Python script does (one unpaged `stacks` query, then one `POST .../entities?upsert=true` per stack, " +
                      "sequentially, a new HttpClient and connection per request, new tokens per run), in this process, against the same emulators, " +
                      Inv($"into a blueprint of its own. It writes at most {context.BaselineMax} stacks; the rest is extrapolated linearly from its measured time per stack."));
        md.AppendLine();
        md.AppendLine("| latency ms | stacks | baseline (measured on N, extrapolated) s | baseline ms per stack | baseline requests (measured) | product first sync s | speedup |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var baseline in baselines)
        {
            var first = FirstSync(runs, baseline.LatencyMs, baseline.Stacks);
            var rejected = baseline.Rejected == 0 ? "" : Inv($", {baseline.Rejected} rejected by Port");
            md.AppendLine(Inv(
                $"| {baseline.LatencyMs} | {baseline.Stacks} | {baseline.Extrapolated.TotalSeconds:F1} (measured on {baseline.MeasuredOn}{rejected}) | {baseline.PerStack.TotalMilliseconds:F1} | {baseline.Requests.Total} | {(first is null ? "–" : first.Wall.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture))} | {(first is null ? "–" : Ratio(baseline.Extrapolated, first.Wall))} |"));
        }

        md.AppendLine().AppendLine("## Targets (measured, not asserted)").AppendLine();
        foreach (var line in Targets(context, runs, baselines))
        {
            md.AppendLine("- " + line);
        }

        return md.ToString();
    }

    private static IEnumerable<string> Targets(ReportContext context, IReadOnlyList<RunResult> runs, IReadOnlyList<BaselineResult> baselines)
    {
        var first = FirstSync(runs, TargetLatencyMs, TargetStacks);
        var baseline = baselines.FirstOrDefault(b => b.LatencyMs == TargetLatencyMs && b.Stacks == TargetStacks);
        if (first is null || baseline is null)
        {
            yield return Inv($"first sync at {TargetStacks} stacks and {TargetLatencyMs} ms: not measured in this run");
        }
        else
        {
            var speedup = baseline.Extrapolated / first.Wall;
            yield return Inv($"first sync at {TargetStacks} stacks, {TargetLatencyMs} ms, ≥ 50× faster than the naive baseline: {speedup:F0}× — {Verdict(speedup >= 50)}");
            var limit = first.Requests.PhysicalLimit(TargetLatencyMs, context.Concurrency);
            var ratio = first.Wall / limit;
            var observed = first.Requests.ObservedLimit(context.Concurrency);
            yield return Inv($"same run within 2× of the physical limit ({limit.TotalSeconds:F2} s): {ratio:F2}× — {Verdict(ratio <= 2)} (against the limit at the latency requests really took, {observed.TotalSeconds:F2} s: {first.Wall / observed:F2}×)");
        }

        foreach (var idle in runs.Where(r => r.Name == "idle run" && r.Wall > TimeSpan.Zero))
        {
            var readLimit = idle.Requests.PhysicalLimit(idle.LatencyMs, context.Concurrency);
            var second = TimeSpan.FromSeconds(1);
            yield return Inv($"idle run at {idle.Stacks} stacks, {idle.LatencyMs} ms: {idle.Requests.Writes} writes — {Verdict(idle.Requests.Writes == 0)}; ")
                + Inv($"{idle.Wall.TotalSeconds:F2} s within its measured read time (plan) {idle.ReadTime.TotalSeconds:F2} s + 1 s — {Verdict(idle.Wall <= idle.ReadTime + second)}; ")
                + Inv($"within its reads' physical limit {readLimit.TotalSeconds:F2} s + 1 s — {Verdict(idle.Wall <= readLimit + second)}");
        }

        var largest = runs.Where(r => r.Stacks == MemoryStacks && r.Wall > TimeSpan.Zero).ToArray();
        if (largest.Length == 0)
        {
            yield return Inv($"peak memory at {MemoryStacks} stacks: not measured in this run");
        }
        else
        {
            var worst = largest.MaxBy(r => r.Memory.PeakRssBytes)!;
            var peak = worst.Memory.PeakRssBytes / MiB;
            var growth = largest.Max(r => r.Memory.ManagedGrowthBytes) / MiB;
            yield return Inv(
                $"peak memory at {MemoryStacks} stacks < {MemoryLimitMiB} MiB: peak RSS {peak:F0} MiB in the {worst.Name} at {worst.LatencyMs} ms (the process held {worst.Memory.StartRssBytes / MiB:F0} MiB when that run started; emulators {context.Placement}), managed heap growth up to {growth:F0} MiB — {Verdict(peak < MemoryLimitMiB)}");
        }
    }

    private static RunResult? FirstSync(IReadOnlyList<RunResult> runs, int latencyMs, int stacks) =>
        runs.FirstOrDefault(r => r.LatencyMs == latencyMs && r.Stacks == stacks && r.Name == "first sync" && r.Wall > TimeSpan.Zero);

    private static string Ratio(TimeSpan a, TimeSpan b) => b > TimeSpan.Zero ? Inv($"{a / b:F2}×") : "–";

    private static string Throttling(RunResult run) =>
        run.Requests.Throttled + run.Requests.Failed == 0 ? "" : Inv($" ({run.Requests.Throttled} throttled, {run.Requests.Failed} failed attempts)");

    private static string Verdict(bool met) => met ? "**met**" : "**not met**";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
