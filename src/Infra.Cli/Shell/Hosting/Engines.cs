using Infra.Cli.Engine;
using Infra.Cli.Http;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Shell.Hosting;

/// <summary>The engine factory the command line runs: the program's declarations, with the demo's emulators available.</summary>
public static class Engines
{
    /// <param name="program">The declarations to run (the program's <c>SpaceliftIntegration.Declare</c>).</param>
    public static StackEngineFactory Create(StackProgram program, TimeProvider? time = null, ClientOptions? clients = null)
        => new(program, new DemoEmulators(), time, clients);
}
