using System.ComponentModel;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary><c>config</c>: list the stack's keys.</summary>
public class ConfigReadSettings : ConfigSettings
{
    [CommandOption("--show-secrets")]
    [Description("Show secret values in clear instead of [secret] (needs the passphrase)")]
    public bool ShowSecrets { get; set; }
}
