using Infra.Cli.Engine;
using Infra.Sdk;
using Spectre.Console;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering.Text;

/// <summary>Colours of the text output; they vanish by themselves on a console without colour.</summary>
public static class TextStyles
{
    public static readonly Style Header = new(decoration: Decoration.Bold);
    public static readonly Style Dim = new(Color.Grey);
    public static readonly Style Error = new(Color.Red);
    public static readonly Style Warning = new(Color.Yellow);

    public static Style For(ChangeKind kind) => kind switch
    {
        ChangeKind.Create => new Style(Color.Green),
        ChangeKind.Update => new Style(Color.Yellow),
        ChangeKind.Delete => new Style(Color.Red),
        _ => Dim,
    };

    public static Style For(DiffKind kind) => kind switch
    {
        DiffKind.Add => new Style(Color.Green),
        DiffKind.Delete => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    };

    public static Style For(Severity severity) => severity switch
    {
        Severity.Error => Error,
        Severity.Warning => Warning,
        _ => Style.Plain,
    };
}
