using Infra.Engine;
using Infra.Http;
using Infra.Stacks;

namespace Infra.Cli.Hosting;

/// <summary>The engine factory the command line runs: this project's program, with the demo's emulators available.</summary>
public static class Engines
{
    public static StackEngineFactory Create(TimeProvider? time = null, ClientOptions? clients = null)
        => new(SpaceliftIntegration.Declare, new DemoEmulators(), time, clients);
}
