using Infra.Cli.Config;

namespace Infra.Cli.Shell.Io;

/// <summary>Reads Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml and the environment through <see cref="StackConfigLoader"/>.</summary>
public sealed class StackConfigurationSource(CliEnvironment environment) : IStackConfigurationSource
{
    public StackConfiguration Load(string projectDirectory, string stack, bool insecure)
        => StackConfigLoader.Load(projectDirectory, stack, environment.Variables, insecure);
}
