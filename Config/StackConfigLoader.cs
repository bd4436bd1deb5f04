namespace Infra.Config;

/// <summary>Reads and validates Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml and the environment.</summary>
public static class StackConfigLoader
{
    /// <summary>
    /// Loads the stack's configuration from <paramref name="projectDirectory"/>. The environment
    /// (<paramref name="environment"/>; null means the process environment) wins over the files.
    /// Throws <see cref="ConfigException"/> naming the file, key and environment variable at fault.
    /// </summary>
    public static StackConfiguration Load(string projectDirectory, string stack, IReadOnlyDictionary<string, string?>? environment = null)
        => throw new NotImplementedException("owned by the config work");
}
