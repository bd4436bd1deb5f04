using Spectre.Console;

namespace Infra.Cli.Shell.Running;

/// <summary>Pulumi's "Do you want to perform this update?" with yes / no / details; "no" is the default.</summary>
internal static class Confirmation
{
    private const string Yes = "yes";
    private const string No = "no";
    private const string Details = "details";

    public static async Task<bool> AskAsync(IAnsiConsole console, CliVerb verb, Action showDetails, CancellationToken cancellationToken)
    {
        var prompt = new SelectionPrompt<string>()
            .Title($"Do you want to perform this {verb.OperationNoun()}?")
            .AddChoices(Yes, No, Details)
            .DefaultValue(No);
        while (true)
        {
            switch (await prompt.ShowAsync(console, cancellationToken))
            {
                case Yes:
                    return true;
                case Details:
                    showDetails();
                    break;
                default:
                    return false;
            }
        }
    }
}
