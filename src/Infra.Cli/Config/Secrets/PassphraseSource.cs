namespace Infra.Cli.Config.Secrets;

/// <summary>Where the passphrase comes from, in Pulumi's order.</summary>
internal static class PassphraseSource
{
    public const string Variable = "PULUMI_CONFIG_PASSPHRASE";
    public const string FileVariable = "PULUMI_CONFIG_PASSPHRASE_FILE";

    /// <summary>
    /// <c>PULUMI_CONFIG_PASSPHRASE</c> when it is set, even empty, used as is (the empty passphrase is
    /// valid); else the trimmed content of the file named by <c>PULUMI_CONFIG_PASSPHRASE_FILE</c>.
    /// We never prompt, so with neither the error is Pulumi's non-interactive one.
    /// </summary>
    public static string Read(IReadOnlyDictionary<string, string?> environment, string stackFile)
    {
        if (environment.TryGetValue(Variable, out var passphrase) && passphrase is not null)
        {
            return passphrase;
        }

        if (environment.TryGetValue(FileVariable, out var file) && !string.IsNullOrEmpty(file))
        {
            var path = Path.GetFullPath(file);
            try
            {
                return File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConfigException($"{stackFile}: cannot read the passphrase file '{path}' named by {FileVariable}: {e.Message}", e);
            }
        }

        throw new ConfigException(
            $"{stackFile}: passphrase must be set with {Variable} or {FileVariable} environment variables");
    }
}
