using Infra.Engine;
using Infra.Http;
using Infra.Stacks;

namespace Infra.Cli.Hosting;

/// <summary>The engine factory the command line runs: this project's program, with the demo's emulators available.</summary>
public static class Engines
{
    /// <param name="program">The declarations to run; this project's own (<see cref="SpaceliftIntegration.Declare"/>) when null.</param>
    public static StackEngineFactory Create(TimeProvider? time = null, ClientOptions? clients = null, StackProgram? program = null)
        => new(program ?? SpaceliftIntegration.Declare, new DemoEmulators(), time, clients);
}
