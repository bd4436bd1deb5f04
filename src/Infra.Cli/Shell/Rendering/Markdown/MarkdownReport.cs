using System.Text;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering.Markdown;

/// <summary>
/// A pull-request comment: a hidden marker a workflow finds its own comment by, a title with the
/// verdict, counts, a table of changed resources, collapsible property diffs (with --diff) and
/// diagnostics. It
/// stays under <see cref="MaxLength"/> characters (GitHub refuses comments over 65,536) however
/// large the plan: entities beyond <see cref="EntityLimit"/> are counted, not listed, and details
/// that do not fit are left out with a note.
/// </summary>
public static class MarkdownReport
{
    public const int MaxLength = 60_000;
    public const int EntityLimit = 50;
    public const int LinesPerResource = 40;
    private const int DiagnosticLimit = 50;
    private const int PathsPerRow = 8;

    public static string Marker(string stack) => $"<!-- infra-preview:{stack} -->";

    public static string Render(RunReport report, bool details)
    {
        var listed = Listed(report.Plan.Changes);
        var head = new StringBuilder()
            .AppendLine(Marker(report.Plan.Stack))
            .AppendLine(Title(report))
            .AppendLine();
        Headlines(head, report);
        Counts(head, ChangeCounts.Of(report));
        Table(head, report, listed);
        var tail = Diagnostics(report);

        var body = head;
        var omitted = 0;
        foreach (var change in details ? listed : [])
        {
            var block = Details(change);
            if (block is null)
            {
                continue;
            }

            // Keep room for the omission note and the diagnostics; the summary above always survives.
            if (body.Length + block.Length + tail.Length + 200 > MaxLength)
            {
                omitted++;
                continue;
            }

            body.Append(block);
        }

        if (omitted > 0)
        {
            body.AppendLine($"_Property details of {Numbers.Count(omitted)} more resources left out to stay within GitHub's comment size limit._").AppendLine();
        }

        return Bounded(body.Append(tail).ToString().TrimEnd());
    }

    // The sections above are bounded one by one; this is the guarantee, for pathological inputs
    // (thousand-character identifiers, huge diagnostics), that the comment is never refused.
    private static string Bounded(string markdown)
    {
        if (markdown.Length <= MaxLength)
        {
            return markdown;
        }

        var cut = markdown.LastIndexOf('\n', MaxLength - 200);
        return markdown[..cut] + "\n\n_… cut here to stay within GitHub's comment size limit; the full output is in the workflow log._";
    }

    private static string Title(RunReport report) =>
        $"### {CliApp.Name} {report.Verb.CommandName()} on stack `{report.Plan.Stack}`: {report.Status.Replace('-', ' ')}";

    private static void Counts(StringBuilder md, ChangeCounts counts)
    {
        md.AppendLine("| Operation | Count |").AppendLine("| --- | ---: |");
        foreach (var kind in (ChangeKind[])[ChangeKind.Create, ChangeKind.Update, ChangeKind.Delete])
        {
            md.AppendLine($"| `{StepWords.Prefix(kind).Trim()}` {StepWords.Verb(kind)} | {Numbers.Count(counts[kind])} |");
        }

        md.AppendLine($"| unchanged | {Numbers.Count(counts.Same)} |");
        if (counts.Failed > 0)
        {
            md.AppendLine($"| errored | {Numbers.Count(counts.Failed)} |");
        }

        if (counts.Skipped > 0)
        {
            md.AppendLine($"| skipped | {Numbers.Count(counts.Skipped)} |");
        }

        md.AppendLine();
    }

    private static void Table(StringBuilder md, RunReport report, IReadOnlyList<ResourceChange> listed)
    {
        var changes = report.Plan.Changes.Where(c => c.Kind != ChangeKind.Same).ToList();
        if (changes.Count == 0)
        {
            md.AppendLine("No changes.").AppendLine();
            return;
        }

        var outcomes = StepIndex.Of(report.Applied);

        var applied = report.Applied is not null;
        md.AppendLine(applied ? "| Op | Type | Name | Changed properties (why) | Outcome |" : "| Op | Type | Name | Changed properties (why) |")
            .AppendLine(applied ? "| --- | --- | --- | --- | --- |" : "| --- | --- | --- | --- |");
        foreach (var change in listed)
        {
            var row = $"| `{StepWords.Prefix(change.Kind).Trim()}` {StepWords.Verb(change.Kind)} | {MarkdownText.Code(change.Address.Type)} | {MarkdownText.Code(Truncate(change.Address.Name, 100))} | {ChangedPaths(change)} |";
            md.AppendLine(applied ? $"{row} {outcomes.GetValueOrDefault(change.Address)?.Outcome.ToString().ToLowerInvariant()} |" : row);
        }

        var hidden = changes.Except(listed).ToList();
        if (hidden.Count > 0)
        {
            var byKind = hidden.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{Numbers.Count(g.Count())} {StepWords.Verb(g.Key)}");
            md.AppendLine().AppendLine($"_… and {Numbers.Count(hidden.Count)} more entity changes ({string.Join(", ", byKind)}) not listed._");
        }

        md.AppendLine();
    }

    private static string ChangedPaths(ResourceChange change)
    {
        var paths = change.Diffs.Select(d => d.Path).Distinct().ToList();
        var shown = paths.Take(PathsPerRow).Select(p => MarkdownText.Code(Truncate(p, 100)));
        var cell = string.Join(", ", paths.Count > PathsPerRow ? shown.Append($"… {Numbers.Count(paths.Count - PathsPerRow)} more") : shown);
        return change.Reason is { } reason ? $"{cell} ({MarkdownText.Cell(Truncate(reason, 200))})".TrimStart() : cell;
    }

    private static string? Details(ResourceChange change)
    {
        var lines = PropertyLines.For(change)
            .SelectMany(l => l.Kind switch
            {
                // A diff block colours whole lines: an update reads best as the old line and the new one.
                DiffKind.Update => new[] { $"- {l.Path}: {l.Old}", $"+ {l.Path}: {l.New}" },
                _ => [l.ToString()],
            })
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var shown = lines.Take(LinesPerResource).ToList();
        if (lines.Count > shown.Count)
        {
            shown.Add($"  … {Numbers.Count(lines.Count - shown.Count)} more lines");
        }

        var fence = MarkdownText.FenceFor(shown);
        var summary = MarkdownText.Html($"{StepWords.Prefix(change.Kind)}{change.Address.Type} {change.Address.Name}");
        return new StringBuilder()
            .AppendLine($"<details><summary><code>{summary}</code></summary>")
            .AppendLine()
            .AppendLine($"{fence}diff")
            .AppendJoin(Environment.NewLine, shown.Select(MarkdownText.OneLine)).AppendLine()
            .AppendLine(fence)
            .AppendLine()
            .AppendLine("</details>")
            .AppendLine()
            .ToString();
    }

    /// <summary>What a reviewer must not miss (a large deletion), as GitHub's warning callout, above everything else.</summary>
    private static void Headlines(StringBuilder md, RunReport report)
    {
        foreach (var d in ReportDiagnostics.For(report).Where(d => d.Headline))
        {
            md.AppendLine("> [!WARNING]").AppendLine($"> {Truncate(MarkdownText.OneLine(d.Message), 600)}").AppendLine();
        }
    }

    private static string Diagnostics(RunReport report)
    {
        var diagnostics = ReportDiagnostics.For(report);
        if (diagnostics.Count == 0)
        {
            return "";
        }

        var md = new StringBuilder().AppendLine("#### Diagnostics").AppendLine();
        foreach (var d in diagnostics.Take(DiagnosticLimit))
        {
            var where = d.Address is { } a ? $" {MarkdownText.Code(a.Type)} {MarkdownText.Code(a.Name)}" : "";
            md.AppendLine($"- **{d.Severity.ToString().ToLowerInvariant()}**{where}: {Truncate(MarkdownText.OneLine(d.Message), 300)}");
        }

        if (diagnostics.Count > DiagnosticLimit)
        {
            md.AppendLine($"- … and {Numbers.Count(diagnostics.Count - DiagnosticLimit)} more");
        }

        return md.ToString();
    }

    /// <summary>Every change except sames, with entities cut at <see cref="EntityLimit"/>.</summary>
    private static List<ResourceChange> Listed(IReadOnlyList<ResourceChange> changes)
    {
        var entities = 0;
        return [.. changes.Where(c => c.Kind != ChangeKind.Same && (c.Address.Kind != ResourceKind.Entity || entities++ < EntityLimit))];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

}
