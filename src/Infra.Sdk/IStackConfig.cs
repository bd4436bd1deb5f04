namespace Infra.Sdk;

/// <summary>
/// A stack's configuration as a program reads it (Pulumi's <c>Config</c>): <c>namespace:name</c> keys,
/// each resolved the way every key is, a non-empty environment variable first, then the stack file,
/// then <c>Pulumi.yaml</c>. Errors name the stack file, the key and the variable that would also set it.
/// </summary>
public interface IStackConfig
{
    /// <summary>The project's name, the namespace of its own keys (<c>infra</c>).</summary>
    string Project { get; }

    /// <summary>The value of <paramref name="key"/> (<c>infra:blueprint</c>), or null when unset or empty.</summary>
    ConfigValue? Get(string key);

    /// <summary>The value as Pulumi reads an <c>integer</c>, or null when unset; anything else is a configuration error.</summary>
    long? GetInteger(string key);

    /// <summary>The value as Pulumi reads a <c>boolean</c>, or null when unset; anything else is a configuration error.</summary>
    bool? GetBoolean(string key);

    /// <summary>How messages name <paramref name="key"/>: <c>configuration key 'infra:x' (env INFRA_X)</c>.</summary>
    string Describe(string key);

    /// <summary>A one-line configuration error about <paramref name="key"/>, to throw.</summary>
    Exception Invalid(string key, string problem, ConfigValue? value = null);
}
