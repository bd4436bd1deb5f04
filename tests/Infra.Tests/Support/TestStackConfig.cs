using Infra.Cli.Config;
using Infra.Sdk;

namespace Infra.Tests.Support;

/// <summary>
/// A stack's configuration for tests that build a <see cref="StackConfiguration"/> in code: the program's
/// keys from a dictionary over the defaults Pulumi.yaml declares, typed as the loader types them.
/// </summary>
internal sealed class TestStackConfig(IReadOnlyDictionary<string, string>? values = null) : IStackConfig
{
    /// <summary>The defaults of the repository's Pulumi.yaml for the program's keys.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["infra:blueprint"] = "space_lift_stack",
        ["infra:tokenRotationWindowMinutes"] = "180",
    };

    public string Project => "infra";

    public ConfigValue? Get(string key)
        => (values?.GetValueOrDefault(key) ?? Defaults.GetValueOrDefault(key)) is { Length: > 0 } text ? new ConfigValue(text, Confidential: false, "") : null;

    public long? GetInteger(string key) => Get(key) is { } value ? long.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool? GetBoolean(string key) => Get(key) is { } value ? bool.Parse(value.Text) : null;

    public string Describe(string key) => $"configuration key '{key}'";

    public Exception Invalid(string key, string problem, ConfigValue? value = null) => new ConfigException($"{Describe(key)} {problem}{value?.Source}");
}
