using Infra.Config;

namespace Infra.Engine;

/// <summary>Builds the real engine: HTTP clients, state, lock, and for the demo the emulators (stub: owned by the engine work).</summary>
public sealed class StackEngineFactory : IStackEngineFactory
{
    public Task<IStackEngine> CreateAsync(StackConfiguration configuration, bool exclusive, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
