using Infra.Cli.Config;

namespace Infra.Cli.Hosting;

/// <summary>
/// Starts what a stack's configuration runs locally before the clients connect (the demo's
/// emulators of Port and Spacelift). The engine does not know what they are; the command line's
/// hosting supplies them.
/// </summary>
public interface ILocalBackends
{
    /// <summary>What was started, disposed with the engine; null when the stack needs nothing local.</summary>
    Task<IAsyncDisposable?> StartAsync(StackConfiguration configuration, CancellationToken cancellationToken);
}
