using System.ComponentModel;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary><c>config set KEY [VALUE]</c>.</summary>
public sealed class ConfigSetSettings : ConfigSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The key, e.g. port:clientId; a bare name is in the project's namespace (infra:)")]
    public string Key { get; set; } = "";

    [CommandArgument(1, "[VALUE]")]
    [Description("The value; when omitted it is read from stdin, which keeps secrets out of shell history")]
    public string? Value { get; set; }

    [CommandOption("--secret")]
    [Description("Encrypt the value with the stack's passphrase (PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)")]
    public bool Secret { get; set; }

    [CommandOption("--plaintext")]
    [Description("Store the value in clear even though it looks like a secret")]
    public bool Plaintext { get; set; }
}
