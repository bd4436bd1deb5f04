using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Settings;
using Infra.Cli.Config;
using Infra.Cli.Config.Secrets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

/// <summary><c>config set KEY [VALUE] --stack S [--secret] [--plaintext]</c>.</summary>
public sealed class ConfigSetCommand(IAnsiConsole console, CliEnvironment environment, StandardInput input) : Command<ConfigSetSettings>
{
    public override int Execute(CommandContext context, ConfigSetSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Secret && settings.Plaintext)
        {
            throw new ConfigException("config set: --secret and --plaintext cannot be used together");
        }

        var store = ConfigStores.Open(settings, environment);
        var key = store.ParseKey(settings.Key);
        var value = settings.Value ?? ReadValue(settings.Secret);
        if (!settings.Secret && !settings.Plaintext && SecretHeuristics.LooksLikeSecret(key, value))
        {
            throw new ConfigException(
                $"{store.StackFilePath}: config value for '{key}' looks like a secret; rerun with --secret to encrypt it, or with --plaintext if you meant to store it in clear");
        }

        store.Set(key, value, settings.Secret);

        // Pulumi says nothing here; after typing a secret at a hidden prompt, a word that it was kept helps.
        var how = settings.Secret ? ", encrypted with the stack's passphrase" : "";
        console.MarkupLineInterpolated($"{key} saved in {Path.GetFileName(store.StackFilePath)}{how}");
        return 0;
    }

    // Piped input is taken whole, less the newline `echo` adds; a terminal gets a prompt that hides a secret.
    private string ReadValue(bool secret)
    {
        if (input.Piped is { } piped)
        {
            var text = piped.ReadToEnd();
            return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
                : text.EndsWith('\n') ? text[..^1]
                : text;
        }

        var prompt = new TextPrompt<string>("value:").AllowEmpty();
        return console.Prompt(secret ? prompt.Secret() : prompt);
    }
}
