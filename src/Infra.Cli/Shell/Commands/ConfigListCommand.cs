using Infra.Cli.Shell.Rendering.Text;
using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Settings;
using Infra.Cli.Config.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

/// <summary><c>config --stack S</c>: the stack file's keys and values, secrets shown as [secret].</summary>
public sealed class ConfigListCommand(IAnsiConsole console, CliEnvironment environment) : Command<ConfigReadSettings>
{
    public override int Execute(CommandContext context, ConfigReadSettings settings, CancellationToken cancellationToken)
    {
        var store = ConfigStores.Open(settings, environment);
        var rows = store.Entries
            .Select(entry => (Key: entry.Key.ToString(), Value: ConfigValueText.Show(store, entry.Key, entry.Value, settings.ShowSecrets)))
            .ToList();
        var width = rows.Select(row => row.Key.Length).Append("KEY".Length).Max() + 2;
        var text = new ConsoleText(console);
        text.Line("KEY".PadRight(width) + "VALUE");
        foreach (var (key, value) in rows)
        {
            text.Line(key.PadRight(width) + value);
        }

        return 0;
    }
}
