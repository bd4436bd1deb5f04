using System.ComponentModel;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary><c>config get KEY</c>.</summary>
public sealed class ConfigGetSettings : ConfigReadSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The key, e.g. port:baseUrl; a bare name is in the project's namespace (infra:)")]
    public string Key { get; set; } = "";
}
