using Spectre.Console.Cli;
using Infra.Cli.Shell.Settings;

namespace Infra.Cli.Shell.Commands;

/// <summary>The <c>config</c> branch: list (default), <c>get</c>, <c>set</c> and <c>rm</c>.</summary>
public static class ConfigCommands
{
    /// <summary>
    /// Adds <c>config</c>, <c>config get</c>, <c>config set</c> and <c>config rm</c> to the command line.
    /// The commands take the environment and stdin from the app's services, like every other command.
    /// </summary>
    public static void Register(IConfigurator configurator)
    {
        configurator.AddBranch<ConfigSettings>("config", config =>
        {
            config.SetDescription("Show or change the stack's configuration (Pulumi.<stack>.yaml); with no subcommand, list it");
            config.SetDefaultCommand<ConfigListCommand>();
            config.AddCommand<ConfigGetCommand>("get").WithDescription("Print one value; secrets stay masked without --show-secrets");
            config.AddCommand<ConfigSetCommand>("set").WithDescription("Set a value, encrypted with --secret; VALUE is read from stdin when omitted");
            config.AddCommand<ConfigRmCommand>("rm").WithDescription("Remove a value from the stack file");
        });
    }
}
