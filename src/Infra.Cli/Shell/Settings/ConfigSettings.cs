using System.ComponentModel;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary>Options every <c>config</c> command takes: which stack, and where the project is.</summary>
public class ConfigSettings : CommandSettings
{
    [CommandOption("-s|--stack <STACK>")]
    [Description("The stack whose Pulumi.<stack>.yaml to read or change")]
    public string? Stack { get; set; }

    [CommandOption("--cwd <DIR>")]
    [Description("The project directory (the one holding Pulumi.yaml); defaults to the current directory")]
    public string? Cwd { get; set; }
}
