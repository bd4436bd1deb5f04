using Spectre.Console.Cli;
using Infra.Cli.Settings;

namespace Infra.Cli.Commands;

/// <summary>The <c>config</c> branch: list (default), <c>get</c>, <c>set</c> and <c>rm</c>.</summary>
public static class ConfigCommands
{
    /// <summary>Adds <c>config</c>, <c>config get</c>, <c>config set</c> and <c>config rm</c> to the command line.</summary>
    public static void Register(IConfigurator configurator) => Register(configurator, null);

    /// <summary>As <see cref="Register(IConfigurator)"/>, with the environment and stdin the commands read (tests).</summary>
    internal static void Register(IConfigurator configurator, ConfigCommandEnvironment? environment)
    {
        configurator.AddBranch<ConfigSettings>("config", config =>
        {
            config.SetDescription("Show or change the stack's configuration (Pulumi.<stack>.yaml); with no subcommand, list it");
            // Spectre gives a default command no data, so the listing always reads the process environment.
            config.SetDefaultCommand<ConfigListCommand>();
            With(config.AddCommand<ConfigGetCommand>("get").WithDescription("Print one value; secrets stay masked without --show-secrets"), environment);
            With(config.AddCommand<ConfigSetCommand>("set").WithDescription("Set a value, encrypted with --secret; VALUE is read from stdin when omitted"), environment);
            With(config.AddCommand<ConfigRmCommand>("rm").WithDescription("Remove a value from the stack file"), environment);
        });
    }

    private static void With(ICommandConfigurator command, ConfigCommandEnvironment? environment)
    {
        if (environment is not null)
        {
            command.WithData(environment);
        }
    }
}
