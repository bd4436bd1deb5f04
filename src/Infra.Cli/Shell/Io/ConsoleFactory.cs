using Spectre.Console;

namespace Infra.Cli.Shell.Io;

/// <summary>
/// Builds the consoles the program writes to. Escape sequences only ever reach a terminal, so CI
/// logs and files get plain text; NO_COLOR turns colour off but keeps the cursor control that the
/// prompt and the progress bar need.
/// </summary>
public static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool canPrompt, CliEnvironment environment)
        => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = isTerminal && !environment.NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal && canPrompt ? InteractionSupport.Yes : InteractionSupport.No,
        });
}
