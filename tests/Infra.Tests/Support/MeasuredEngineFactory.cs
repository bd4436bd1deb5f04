using Infra.Config;
using Infra.Engine;
using Infra.Port;
using Infra.Spacelift;

namespace Infra.Tests.Support;

/// <summary>
/// Builds the real engine with both clients reporting into one <see cref="ClientStatistics"/>, which
/// <see cref="StackEngineFactory"/> does not expose, and with a chosen retry limit. It takes no lock: the fault matrix runs one run at a time.
/// </summary>
internal sealed class MeasuredEngineFactory(ClientStatistics statistics, int maxRetries = 6) : IStackEngineFactory
{
    public Task<IStackEngine> CreateAsync(StackConfiguration configuration, bool exclusive, CancellationToken cancellationToken)
    {
        var settings = configuration.Settings;
        var options = new ClientOptions(Concurrency: settings.Concurrency, MaxRetries: maxRetries, Insecure: settings.Insecure, Statistics: statistics);
        var port = PortClient.Create(configuration.Port, options);
        var spacelift = SpaceliftClient.Create(configuration.Spacelift, options);
        var owned = new object[] { port, spacelift }.OfType<IAsyncDisposable>().ToArray();
        IStackEngine engine = new StackEngine(configuration, port, spacelift, new FileStateStore(settings.StateDir, configuration.Stack), TimeProvider.System, owned);
        return Task.FromResult(engine);
    }
}
