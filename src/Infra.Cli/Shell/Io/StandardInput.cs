namespace Infra.Cli.Shell.Io;

/// <summary>
/// The process's stdin as the commands see it: <see cref="Piped"/> when input is redirected (a value
/// piped into <c>config set</c>), null at a terminal, where commands prompt through the console instead.
/// </summary>
public sealed record StandardInput(TextReader? Piped)
{
    public static StandardInput None { get; } = new((TextReader?)null);
}
