using Spectre.Console.Cli;

namespace Infra.Cli.Commands;

/// <summary>The <c>config</c> branch (stub: owned by the config work).</summary>
public static class ConfigCommands
{
    /// <summary>Adds <c>config</c>, <c>config get</c> and <c>config set</c> to the command line.</summary>
    public static void Register(IConfigurator configurator) { }
}
