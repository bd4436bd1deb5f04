using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Hosting;

/// <summary>The engine factory the command line runs: the program, with the demo's emulators available.</summary>
public static class Engines
{
    public static StackEngineFactory Create(IStackProgram program, TimeProvider? time = null, ClientOptions? clients = null)
        => new(program, new DemoEmulators(), time, clients);
}
