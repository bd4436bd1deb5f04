using Infra.Cli.Config;
using Infra.Sdk;

namespace Infra.Cli.Engine;

public interface IStackEngineFactory
{
    /// <summary>
    /// Builds an engine for one stack. With <paramref name="exclusive"/> (up, destroy, refresh) it first
    /// takes the stack's lock, recording <paramref name="command"/> as its holder, and fails fast with
    /// <see cref="Infra.Cli.Diagnostics.ExitCodes.ConcurrentUpdate"/> when another run holds it.
    /// </summary>
    Task<IStackEngine> CreateAsync(StackConfiguration configuration, string command, bool exclusive, CancellationToken cancellationToken);

    /// <summary>
    /// What the program declares for this configuration without reading any data (no entities), and
    /// without a lock. <c>verify</c> finds what to run, and compares what Port holds, with it.
    /// </summary>
    Task<ResourceGraph> DeclareAsync(StackConfiguration configuration, CancellationToken cancellationToken);
}
