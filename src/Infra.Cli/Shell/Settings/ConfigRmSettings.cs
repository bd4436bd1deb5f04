using System.ComponentModel;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary><c>config rm KEY</c>.</summary>
public sealed class ConfigRmSettings : ConfigSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The key to remove from the stack file")]
    public string Key { get; set; } = "";
}
