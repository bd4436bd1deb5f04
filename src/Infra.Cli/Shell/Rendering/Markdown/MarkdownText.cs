using System.Net;
using System.Text.RegularExpressions;

namespace Infra.Cli.Shell.Rendering.Markdown;

/// <summary>Escaping for the few Markdown and HTML contexts the PR comment uses.</summary>
internal static partial class MarkdownText
{
    /// <summary>An inline code span that survives backticks and pipes in the text (inside a table cell too).</summary>
    public static string Code(string text)
    {
        var fence = new string('`', LongestBacktickRun(text) + 1);
        var padded = text.StartsWith('`') || text.EndsWith('`') ? $" {text} " : text;
        return $"{fence}{padded.Replace("|", "\\|", StringComparison.Ordinal)}{fence}";
    }

    public static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);

    public static string Html(string text) => WebUtility.HtmlEncode(OneLine(text));

    public static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>A code fence longer than any backtick run in the block, so values cannot close it.</summary>
    public static string FenceFor(IEnumerable<string> lines) =>
        new('`', Math.Max(3, lines.Select(LongestBacktickRun).DefaultIfEmpty(0).Max() + 1));

    private static int LongestBacktickRun(string text) =>
        Backticks().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();
}
