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

    public void Blank() => Line();
}
