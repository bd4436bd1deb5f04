namespace Infra.Cli.Config;

/// <summary>
/// A configuration key <c>namespace:name</c>. Pulumi still reads the legacy form
/// <c>namespace:config:name</c> as the same key, so we do too.
/// </summary>
public readonly record struct ConfigKey(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}:{Name}";

    /// <summary>
    /// Parses <c>ns:name</c> or <c>ns:config:name</c>. A bare <c>name</c> takes
    /// <paramref name="defaultNamespace"/> when one is given (as <c>pulumi config set name</c> does)
    /// and is rejected otherwise (as keys in a stack file are).
    /// </summary>
    public static bool TryParse(string text, string? defaultNamespace, out ConfigKey key)
    {
        key = default;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            if (defaultNamespace is null || text.Length == 0)
            {
                return false;
            }

            key = new ConfigKey(defaultNamespace, text);
            return true;
        }

        var ns = text[..colon];
        var name = text[(colon + 1)..];
        if (name.StartsWith("config:", StringComparison.Ordinal) && name.Length > "config:".Length)
        {
            name = name["config:".Length..];
        }

        if (ns.Length == 0 || name.Length == 0 || name.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        key = new ConfigKey(ns, name);
        return true;
    }

    /// <summary>The message Pulumi gives for a key it cannot parse.</summary>
    public static string ParseError(string text)
        => $"could not parse '{text}' as a configuration key (configuration keys should be of the form '<namespace>:<name>')";
}
