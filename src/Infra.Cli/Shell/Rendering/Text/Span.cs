using Spectre.Console;

namespace Infra.Cli.Shell.Rendering.Text;

/// <summary>A run of text in one style.</summary>
public readonly record struct Span(string Text, Style Style)
{
    public static implicit operator Span(string text) => new(text, Style.Plain);
}
