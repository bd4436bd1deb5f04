using Infra.Sdk;

namespace Infra.Cli.Config;

/// <summary>
/// A stack's configuration as its program reads it: every key resolved the way the loader resolves the
/// executors' own (<see cref="ConfigResolver"/>), typed the way Pulumi types them, and every error one
/// line naming the stack file, the key and the variable that would also set it.
/// </summary>
internal sealed class StackConfig(ConfigResolver values, string project) : IStackConfig
{
    public string Project => project;

    public ConfigValue? Get(string key) => values.Resolve(Known(key));

    public long? GetInteger(string key)
    {
        var known = Known(key);
        var value = values.Resolve(known);
        if (value is null)
        {
            return null;
        }

        return ConfigTypes.TryParseInteger(value.Text, out var number)
            ? number
            : throw values.Error(known, $"must be of type '{ConfigTypes.Integer}'{Quote(value)}", value);
    }

    public bool? GetBoolean(string key)
    {
        var known = Known(key);
        var value = values.Resolve(known);
        if (value is null)
        {
            return null;
        }

        return ConfigTypes.TryParseBoolean(value.Text, out var flag)
            ? flag
            : throw values.Error(known, $"must be of type '{ConfigTypes.Boolean}'{Quote(value)}", value);
    }

    public string Describe(string key) => ConfigResolver.Describe(Known(key));

    public Exception Invalid(string key, string problem, ConfigValue? value = null) => values.Error(Known(key), problem, value);

    /// <summary>A value quoted back in an error, unless it is confidential.</summary>
    public static string Quote(ConfigValue value) => value.Confidential ? "" : $", got '{value.Text}'";

    /// <summary>The key with the variable that may set it: a provider's own, or <c>&lt;NAMESPACE&gt;_&lt;UPPER_SNAKE_NAME&gt;</c>.</summary>
    private KnownKey Known(string key)
    {
        if (!ConfigKey.TryParse(key, defaultNamespace: null, out var parsed))
        {
            throw new ArgumentException(ConfigKey.ParseError(key), nameof(key));
        }

        return KnownKey.All.FirstOrDefault(k => k.Key == parsed) ?? KnownKey.ForProject(parsed.Namespace, parsed.Name);
    }
}
