using Infra.Config;

namespace Infra.Cli.Hosting;

/// <summary>Reads Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml and the environment through <see cref="StackConfigLoader"/>.</summary>
public sealed class StackConfigurationSource(CliEnvironment environment) : IConfigurationSource
{
    // The loader does not take --insecure yet; until it does, the infra:insecure key is the only switch.
    public StackConfiguration Load(string projectDirectory, string stack, bool insecure)
        => StackConfigLoader.Load(projectDirectory, stack, environment.Variables);
}
