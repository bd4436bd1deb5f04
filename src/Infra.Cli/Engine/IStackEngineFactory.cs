using Infra.Cli.Config;
using Infra.Sdk.Declarations;

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
    /// What the program declares for this configuration before any Spacelift stack is read (no entities):
    /// pure, no I/O, no lock. <c>verify</c> compares what Port holds with it.
    /// </summary>
    Declaration Declare(StackConfiguration configuration);
}
