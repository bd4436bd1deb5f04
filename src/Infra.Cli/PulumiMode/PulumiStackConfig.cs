using Infra.Cli.Config;
using Infra.Cli.Config.Yaml;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// The stack's configuration under Pulumi: the CLI's decrypted <c>PULUMI_CONFIG</c> stands in for the
/// stack file, and everything else is the standalone loader's (same keys, defaults from Pulumi.yaml,
/// checks, and the environment variables that override a key).
/// </summary>
public sealed record PulumiStackConfig(StackConfiguration Configuration, bool AllowMassDelete, bool RotateToken)
{
    /// <summary>Pulumi-mode switches, declared in Pulumi.yaml; each may also come from its INFRA_* variable.</summary>
    public const string AllowMassDeleteKey = "allowMassDelete";
    public const string RotateTokenKey = "rotateSpaceliftToken";

    public static PulumiStackConfig Load(LanguageHostEnvironment host, IReadOnlyDictionary<string, string?> environment)
    {
        var path = StackConfigLoader.StackFilePath(host.ProjectDirectory, host.Stack);
        var entries = new List<KeyValuePair<ConfigKey, StackFileValue>>();
        foreach (var (text, value) in host.Config.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!ConfigKey.TryParse(text, null, out var key))
            {
                throw new ConfigException($"{path}: {ConfigKey.ParseError(text)}");
            }

            entries.Add(new(key, value.TrimStart().StartsWith('{') || value.TrimStart().StartsWith('[') ? new ObjectValue(value) : new PlainValue(value)));
        }

        var configuration = StackConfigLoader.Load(host.ProjectDirectory, host.Stack, new StackFile(path, null, entries), environment);
        if (configuration.Settings.Demo is not null)
        {
            throw new ConfigException($"{path}: configuration key '{configuration.Project}:demoStacks' starts in-process emulators, which only the standalone engine can use; remove it for pulumi");
        }

        return new PulumiStackConfig(
            configuration,
            Flag(host, environment, configuration.Project, AllowMassDeleteKey, path),
            Flag(host, environment, configuration.Project, RotateTokenKey, path));
    }

    private static bool Flag(LanguageHostEnvironment host, IReadOnlyDictionary<string, string?> environment, string project, string name, string path)
    {
        var known = KnownKey.ForProject(project, name);
        var text = environment.GetValueOrDefault(known.EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : host.Config.GetValueOrDefault(known.Key.ToString());
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return ConfigTypes.TryParseBoolean(text, out var flag)
            ? flag
            : throw new ConfigException($"{path}: configuration key '{known.Key}' (env {known.EnvironmentVariable}) must be of type 'boolean', got '{text}'");
    }
}
