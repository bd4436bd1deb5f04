using Spectre.Console;
using Spectre.Console.Rendering;

namespace Infra.Cli.Shell.Rendering.Text;

/// <summary>
/// One output line that is never wrapped: long URNs and paths stay on one line in CI logs and stay
/// greppable, where Spectre's own text widgets would fold them at the console width.
/// </summary>
internal sealed class SpanLine(IReadOnlyList<Span> spans) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => new(1, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        spans.Where(s => s.Text.Length > 0)
            .Select(s => new Segment(Flatten(s.Text), s.Style))
            .Append(Segment.LineBreak);

    // A value or server message with a line break would break the layout: keep it on one line.
    private static string Flatten(string text) => text.ReplaceLineEndings(" ");
}
