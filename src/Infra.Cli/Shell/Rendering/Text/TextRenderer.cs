using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering.Text;

/// <summary>Pulumi-shaped text output: step lines, property detail, Diagnostics and the Resources summary.</summary>
public sealed class TextRenderer(ConsoleText output, TextOptions options)
{
    public ConsoleText Output => output;

    /// <summary>The same output with property detail, for the prompt's "details" answer.</summary>
    public TextRenderer WithDiff() => new(output, options with { Diff = true });

    /// <summary>The preview: what would change, then its diagnostics and the "to create" summary.</summary>
    public void Plan(RunReport report)
    {
        output.Line(new Span(report.Verb.PlanHeader(report.Plan.Stack), TextStyles.Header));
        Changes(report);
        output.Blank();
        Diagnostics(report.Plan, report.Plan.Diagnostics);
        Summary(report);
    }

    /// <summary>A line per change (entities beyond the limit counted), with property detail under --diff.</summary>
    public void Changes(RunReport report)
    {
        var hiddenEntities = 0;
        var shownEntities = 0;
        foreach (var change in report.Plan.Changes.Where(c => c.Kind != ChangeKind.Same || options.ShowSames))
        {
            if (change.Address.Kind == ResourceKind.Entity && shownEntities++ >= options.EntityLimit)
            {
                hiddenEntities += change.Kind == ChangeKind.Same ? 0 : 1;
                continue;
            }

            StepLine(change, StepWords.Verb(change.Kind), PropertyLines.DiffInfo(change));
            if (options.Diff)
            {
                Details(change);
            }
        }

        if (hiddenEntities > 0)
        {
            output.Line(new Span($"    ... and {Numbers.Count(hiddenEntities)} more entity changes", TextStyles.Dim));
        }
    }

    public void Details(ResourceChange change)
    {
        foreach (var line in PropertyLines.For(change))
        {
            output.Line("        ", new Span(line.ToString(), TextStyles.For(line.Kind)));
        }
    }

    /// <summary>A step of an apply as it completes: <c> +  type name created</c> or <c>**creating failed**</c>.</summary>
    public void Step(StepResult step)
    {
        var status = step.Outcome switch
        {
            StepOutcome.Failed => $"**{StepWords.Progressive(step.Change.Kind)} failed**",
            StepOutcome.Skipped => $"{StepWords.Verb(step.Change.Kind)} skipped",
            _ => StepWords.PastTense(step.Change.Kind),
        };
        StepLine(step.Change, status, step.Outcome == StepOutcome.Failed ? "1 error" : "");
    }

    public void EntityProgress(int done, int total, int failed)
    {
        var errors = failed > 0 ? $" ({Numbers.Count(failed)} failed)" : "";
        output.Line(new Span($"    entities: {Numbers.Count(done)} of {Numbers.Count(total)} done{errors}", TextStyles.Dim));
    }

    /// <summary>After an apply: diagnostics, the past-tense summary and the duration.</summary>
    public void Result(RunReport report)
    {
        output.Blank();
        Diagnostics(report.Plan, ReportDiagnostics.For(report));
        Summary(report);
        if (report.Applied is { } applied)
        {
            output.Blank();
            output.Line($"Duration: {Duration(applied.Duration)}");
        }
    }

    /// <summary>Go's Duration formatting of the time rounded up to whole seconds, as Pulumi prints it.</summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0 ? $"{h}h{m}m{s}s" : m > 0 ? $"{m}m{s}s" : $"{s}s";
    }

    private void StepLine(ResourceChange change, string status, string info)
    {
        var style = TextStyles.For(change.Kind);
        output.Line(
            new Span($" {StepWords.Prefix(change.Kind)} ", style),
            new Span($"{change.Address.Type} {change.Address.Name} {status}", style),
            info.Length > 0 ? new Span($" {info}", TextStyles.Dim) : "",
            change.Reason is { } reason ? new Span($" ({reason})", TextStyles.Dim) : "");
    }

    private void Diagnostics(Plan plan, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        output.Line(new Span("Diagnostics:", TextStyles.Header));
        var groups = diagnostics
            .GroupBy(d => d.Address is { } a ? $"{a.Type} ({a.Id})" : ReportDiagnostics.StackResource(plan))
            .OrderBy(g => g.First().Address is null)
            .ToList();
        foreach (var group in groups.Take(options.EntityLimit))
        {
            output.Line($"  {group.Key}:");
            foreach (var diagnostic in group)
            {
                output.Line(new Span($"    {diagnostic.Severity.ToString().ToLowerInvariant()}: {diagnostic.Message}", TextStyles.For(diagnostic.Severity)));
            }
        }

        if (groups.Count > options.EntityLimit)
        {
            output.Line(new Span($"  ... and diagnostics for {Numbers.Count(groups.Count - options.EntityLimit)} more resources", TextStyles.Dim));
        }

        output.Blank();
    }

    private void Summary(RunReport report)
    {
        var counts = ChangeCounts.Of(report);
        var preview = report.Applied is null;
        output.Line(new Span("Resources:", TextStyles.Header));
        foreach (var kind in (ChangeKind[])[ChangeKind.Create, ChangeKind.Update, ChangeKind.Delete])
        {
            if (counts[kind] > 0)
            {
                var words = preview ? $"to {StepWords.Verb(kind)}" : StepWords.PastTense(kind);
                output.Line(new Span($"    {StepWords.Prefix(kind)}{Numbers.Count(counts[kind])} {words}", TextStyles.For(kind)));
            }
        }

        var pieces = new List<string>();
        if (counts.KindsOfChange >= 2)
        {
            pieces.Add($"{Numbers.Count(counts.Changes)} changes");
        }

        if (counts.Same > 0)
        {
            pieces.Add($"{Numbers.Count(counts.Same)} unchanged");
        }

        if (pieces.Count > 0)
        {
            output.Line($"    {string.Join(". ", pieces)}");
        }

        if (counts.Failed > 0)
        {
            output.Line(new Span($"    {Numbers.Count(counts.Failed)} errored", TextStyles.Error));
        }

        if (counts.Skipped > 0)
        {
            output.Line(new Span($"    {Numbers.Count(counts.Skipped)} skipped", TextStyles.Warning));
        }
    }
}
