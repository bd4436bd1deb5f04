using Spectre.Console;

namespace Infra.Cli.Shell.Rendering.Text;

/// <summary>Writes whole styled lines to a console; the only way the text renderers produce output.</summary>
public sealed class ConsoleText(IAnsiConsole console)
{
    private readonly Lock _gate = new();

    public IAnsiConsole Console => console;

    public void Line(params Span[] spans)
    {
        // Progress arrives from the engine's threads; a line must not interleave with another.
        lock (_gate)
        {
            console.Write(new SpanLine(spans));
        }
    }

    /// <summary>One plain line, never wrapped at the console's width (a pipe or a CI log has none; Spectre assumes 80).</summary>
    public void Line(string text) => Line(new Span(text, Style.Plain));

    public void Blank() => Line();
}
