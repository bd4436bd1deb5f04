using Spectre.Console;

namespace Infra.Cli.Hosting;

/// <summary>
/// Builds the consoles the program writes to. Colour and cursor control only reach a terminal, and
/// never when NO_COLOR is set, so CI logs and files get plain text.
/// </summary>
public static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool canPrompt, CliEnvironment environment)
    {
        var plain = environment.NoColor || !isTerminal;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Yes,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = isTerminal && canPrompt ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }
}
