using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

/// <summary><c>config get KEY --stack S [--show-secrets]</c>.</summary>
public sealed class ConfigGetCommand(IAnsiConsole console, CliEnvironment environment) : Command<ConfigGetSettings>
{
    public override int Execute(CommandContext context, ConfigGetSettings settings, CancellationToken cancellationToken)
    {
        var store = ConfigStores.Open(settings, environment);
        var key = store.ParseKey(settings.Key);
        new ConsoleText(console).Line(ConfigValueText.Show(store, key, store.Get(key), settings.ShowSecrets));
        return 0;
    }
}
