using Infra.Config;

namespace Infra.Engine;

public interface IStackEngineFactory
{
    /// <summary>
    /// Builds an engine for one stack. With <paramref name="exclusive"/> (up, destroy, refresh) it first
    /// takes the stack's lock, recording <paramref name="command"/> as its holder, and fails fast with
    /// <see cref="Infra.Diagnostics.ExitCodes.ConcurrentUpdate"/> when another run holds it.
    /// </summary>
    Task<IStackEngine> CreateAsync(StackConfiguration configuration, string command, bool exclusive, CancellationToken cancellationToken);
}
