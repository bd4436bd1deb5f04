using System.Globalization;
using System.Text.Json;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// What Pulumi's dotnet language host hands the program: it starts it with no arguments and passes
/// everything through <c>PULUMI_*</c> variables. Config arrives decrypted, as JSON.
/// </summary>
public sealed record LanguageHostEnvironment(
    string MonitorAddress,
    string EngineAddress,
    string Project,
    string Stack,
    string Organization,
    bool DryRun,
    int Parallel,
    IReadOnlyDictionary<string, string> Config,
    IReadOnlySet<string> SecretKeys,
    string ProjectDirectory)
{
    /// <summary>Pulumi mode is entered only when the host's two addresses are present and no CLI verb was given.</summary>
    public static bool IsPresent(IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> args)
        => args.Count == 0
            && !string.IsNullOrEmpty(environment.GetValueOrDefault("PULUMI_MONITOR"))
            && !string.IsNullOrEmpty(environment.GetValueOrDefault("PULUMI_ENGINE"));

    /// <summary>Reads the host's variables; anything malformed is one clear line naming the variable.</summary>
    public static LanguageHostEnvironment Read(IReadOnlyDictionary<string, string?> environment, string currentDirectory)
    {
        string Required(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } value
            ? value
            : throw new PulumiModeException($"{name} is not set: run this program through the pulumi CLI (pulumi preview / pulumi up)");

        var dryRunText = environment.GetValueOrDefault("PULUMI_DRY_RUN") ?? "false";
        if (!bool.TryParse(dryRunText, out var dryRun))
        {
            throw new PulumiModeException($"PULUMI_DRY_RUN must be true or false, got '{dryRunText}'");
        }

        var parallelText = environment.GetValueOrDefault("PULUMI_PARALLEL");
        var parallel = 0;
        if (!string.IsNullOrEmpty(parallelText) && !int.TryParse(parallelText, NumberStyles.Integer, CultureInfo.InvariantCulture, out parallel))
        {
            throw new PulumiModeException($"PULUMI_PARALLEL must be an integer, got '{parallelText}'");
        }

        return new LanguageHostEnvironment(
            Required("PULUMI_MONITOR"),
            Required("PULUMI_ENGINE"),
            Required("PULUMI_PROJECT"),
            Required("PULUMI_STACK"),
            environment.GetValueOrDefault("PULUMI_ORGANIZATION") is { Length: > 0 } organization ? organization : "organization",
            dryRun,
            parallel,
            ReadConfig(environment.GetValueOrDefault("PULUMI_CONFIG")),
            ReadSecretKeys(environment.GetValueOrDefault("PULUMI_CONFIG_SECRET_KEYS")),
            environment.GetValueOrDefault("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } root ? root : currentDirectory);
    }

    private static Dictionary<string, string> ReadConfig(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            // Every value is a string (maps and lists arrive as JSON text); the value is never quoted back.
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            throw new PulumiModeException("PULUMI_CONFIG is not a JSON object of string values");
        }
    }

    private static HashSet<string> ReadSecretKeys(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return [.. JsonSerializer.Deserialize<string[]>(json) ?? []];
        }
        catch (JsonException)
        {
            throw new PulumiModeException("PULUMI_CONFIG_SECRET_KEYS is not a JSON array of strings");
        }
    }
}
