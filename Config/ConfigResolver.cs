using Infra.Config.Secrets;
using Infra.Config.Yaml;

namespace Infra.Config;

/// <summary>
/// Finds a key's value: a non-empty environment variable wins, then the stack file, then the
/// Pulumi.yaml <c>value</c> or <c>default</c>. An empty value counts as unset, as the providers
/// treat it. <c>secure:</c> values are decrypted here, so the passphrase is only needed when one is used.
/// </summary>
internal sealed class ConfigResolver(ProjectFile project, StackFile stackFile, IReadOnlyDictionary<string, string?> environment)
{
    private readonly StackSecrets _secrets = new(stackFile.Path, stackFile.EncryptionSalt, environment);

    public string StackFilePath => stackFile.Path;

    public ResolvedValue? Resolve(ConfigKey key, string variable)
    {
        if (environment.TryGetValue(variable, out var fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment))
        {
            return new ResolvedValue(fromEnvironment, $" (set by {variable})", Confidential: false);
        }

        var resolved = FromStackFile(key, variable);
        if (resolved is not null)
        {
            return resolved;
        }

        return project.Config.TryGetValue(key, out var entry) && (entry.Value ?? entry.Default) is PlainValue { Text.Length: > 0 } initial
            ? new ResolvedValue(initial.Text, $" (from {ProjectFile.FileName})", Confidential: false)
            : null;
    }

    /// <summary>One line naming the stack file, the key and its environment variable.</summary>
    public ConfigException Error(ConfigKey key, string variable, string problem, ResolvedValue? value = null)
        => new($"{stackFile.Path}: {Describe(key, variable)} {problem}{value?.Source}");

    public static string Describe(ConfigKey key, string variable) => $"configuration key '{key}' (env {variable})";

    private ResolvedValue? FromStackFile(ConfigKey key, string variable) => stackFile.Find(key) switch
    {
        PlainValue { Text.Length: > 0 } plain => new ResolvedValue(plain.Text, "", Confidential: false),
        SecureValue secure => _secrets.Decrypt(Describe(key, variable), secure.Ciphertext) is { Length: > 0 } clear
            ? new ResolvedValue(clear, "", Confidential: true)
            : null,
        ObjectValue => throw Error(key, variable, "must be a single value, not a map or a list"),
        _ => null,
    };
}
