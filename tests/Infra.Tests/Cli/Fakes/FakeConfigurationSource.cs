using Infra.Tests.Support;
using Infra.Cli.Shell.Io;
using Infra.Cli.Config;
using Infra.Sdk;

namespace Infra.Tests.Cli.Fakes;

internal sealed class FakeConfigurationSource : IStackConfigurationSource
{
    /// <summary>A secret value that must never appear in any output.</summary>
    public const string PlantedSecret = "planted-Zq8-secret-value";

    public ConfigException? Failure { get; set; }

    public (string Directory, string Stack, bool Insecure)? Loaded { get; private set; }

    public StackConfiguration Load(string projectDirectory, string stack, bool insecure)
    {
        Loaded = (projectDirectory, stack, insecure);
        if (Failure is not null)
        {
            throw Failure;
        }

        return new StackConfiguration(
            "infra",
            stack,
            $"Pulumi.{stack}.yaml",
            new PortSettings(new Uri("http://127.0.0.1:1"), "client", new Secret(PlantedSecret)),
            new SpaceliftSettings(new Uri("http://127.0.0.1:2"), "01KEY", new Secret(PlantedSecret)),
            new ProjectSettings(50, 4, ".infra/state", false, null))
        {
            Values = new TestStackConfig(),
        };
    }
}
