using Infra.Cli.Config.Secrets;
using Infra.Cli.Config.Yaml;
using Infra.Sdk;

namespace Infra.Cli.Config;

/// <summary>
/// Finds a key's value: a non-empty environment variable wins, then the stack file, then the
/// Pulumi.yaml <c>value</c> or <c>default</c>, then the key's own default. An empty value counts as unset, as the providers
/// treat it. <c>secure:</c> values are decrypted here, so the passphrase is only needed when one is used.
/// </summary>
internal sealed class ConfigResolver(ProjectFile project, StackFile stackFile, IReadOnlyDictionary<string, string?> environment)
{
    private readonly StackSecrets _secrets = new(stackFile.Path, stackFile.EncryptionSalt, environment);

    public string StackFilePath => stackFile.Path;

    public ConfigValue? Resolve(KnownKey key)
    {
        if (environment.TryGetValue(key.EnvironmentVariable, out var fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment))
        {
            return new ConfigValue(fromEnvironment, Confidential: false, $" (set by {key.EnvironmentVariable})");
        }

        var resolved = FromStackFile(key);
        if (resolved is not null)
        {
            return resolved;
        }

        if (project.Config.TryGetValue(key.Key, out var entry) && (entry.Value ?? entry.Default) is PlainValue { Text.Length: > 0 } initial)
        {
            return new ConfigValue(initial.Text, Confidential: false, $" (from {ProjectFile.FileName})");
        }

        return key.Default is null ? null : new ConfigValue(key.Default, Confidential: false, " (the default)");
    }

    /// <summary>One line naming the stack file, the key and its environment variable.</summary>
    public ConfigException Error(KnownKey key, string problem, ConfigValue? value = null)
        => new($"{stackFile.Path}: {Describe(key)} {problem}{value?.Source}");

    public static string Describe(KnownKey key) => $"configuration key '{key.Key}' (env {key.EnvironmentVariable})";

    private ConfigValue? FromStackFile(KnownKey key) => stackFile.Find(key.Key) switch
    {
        PlainValue { Text.Length: > 0 } plain => new ConfigValue(plain.Text, Confidential: false, ""),
        SecureValue secure => _secrets.Decrypt(Describe(key), secure.Ciphertext) is { Length: > 0 } clear
            ? new ConfigValue(clear, Confidential: true, "")
            : null,
        ObjectValue => throw Error(key, "must be a single value, not a map or a list"),
        _ => null,
    };
}
