using Infra.Config;

namespace Infra.Engine;

public interface IStackEngineFactory
{
    /// <summary>
    /// Builds an engine for one stack. With <paramref name="exclusive"/> (up, destroy, refresh) it first
    /// takes the stack's lock and fails fast with <see cref="Infra.Diagnostics.ExitCodes.ConcurrentUpdate"/>
    /// when another run holds it. For the demo stack it also starts the emulators in-process.
    /// </summary>
    Task<IStackEngine> CreateAsync(StackConfiguration configuration, bool exclusive, CancellationToken cancellationToken);
}
