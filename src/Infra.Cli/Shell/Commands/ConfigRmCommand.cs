using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

/// <summary><c>config rm KEY --stack S</c>; removing a key the file does not set succeeds, as in Pulumi.</summary>
public sealed class ConfigRmCommand(IAnsiConsole console, CliEnvironment environment) : Command<ConfigRmSettings>
{
    public override int Execute(CommandContext context, ConfigRmSettings settings, CancellationToken cancellationToken)
    {
        var store = ConfigStores.Open(settings, environment);
        var key = store.ParseKey(settings.Key);
        if (!store.Remove(key))
        {
            new ConsoleText(console).Line($"configuration key '{key}' was not set in {store.StackFilePath}; nothing to remove");
        }

        return 0;
    }
}
