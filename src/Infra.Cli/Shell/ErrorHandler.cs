using Infra.Cli.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell;

/// <summary>
/// The one place errors reach the user. Errors meant for them print one line and their own exit
/// code; anything else is a bug and prints the stack trace too.
/// </summary>
public static class ErrorHandler
{
    public static int Handle(Exception exception, IAnsiConsole error)
    {
        var (message, code) = exception switch
        {
            InfraException e => (e.Message, e.ExitCode),
            OperationCanceledException => ("the operation was cancelled", ExitCodes.Cancelled),
            // Bad flags or values, unknown commands, failed settings validation.
            CommandParseException or CommandRuntimeException => (exception.Message, ExitCodes.UsageOrConfig),
            _ => (exception.ToString(), ExitCodes.Internal),
        };
        error.Profile.Out.Writer.WriteLine($"error: {message}");
        return code;
    }
}
