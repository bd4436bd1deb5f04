using Infra.Cli.Config;
using Infra.Cli.Engine;
using Infra.Cli.Engine.State;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Hosting;

/// <summary>
/// Builds the standalone engine for a <paramref name="program"/>: the lock first (when exclusive, so a
/// second run fails before touching anything), whatever <paramref name="backends"/> runs locally for the
/// stack, then the services and the state file. <paramref name="clients"/> is a template for the clients'
/// options (retry limit, statistics); the stack's concurrency and insecure settings and this factory's
/// clock always override it.
/// </summary>
public sealed class StackEngineFactory(
    IStackProgram program,
    ILocalBackends? backends = null,
    TimeProvider? time = null,
    ClientOptions? clients = null) : IStackEngineFactory
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ClientOptions _clients = clients ?? new ClientOptions();

    public async Task<IStackEngine> CreateAsync(StackConfiguration configuration, string command, bool exclusive, CancellationToken cancellationToken)
    {
        var settings = configuration.Settings;
        var owned = new List<IAsyncDisposable>();
        try
        {
            if (exclusive)
            {
                owned.Add(new DisposableLock(StackLock.Acquire(settings.StateDir, configuration.Stack, command, _time)));
            }

            if (backends is not null && await backends.StartAsync(configuration, cancellationToken) is { } started)
            {
                owned.Add(started);
            }

            var services = StackServicesFactory.Create(configuration, Options(configuration));
            return new StackEngine(program, configuration, services, new FileStateStore(settings.StateDir, configuration.Stack), _time, owned);
        }
        catch
        {
            for (var i = owned.Count - 1; i >= 0; i--)
            {
                await owned[i].DisposeAsync();
            }

            throw;
        }
    }

    public Task<ResourceGraph> DeclareAsync(StackConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = StackServicesFactory.Create(configuration, Options(configuration));
        return program.DeclareAsync(new ProgramContext(configuration.Values, configuration.Owner, readsData: false, services.ForProgram), cancellationToken);
    }

    private ClientOptions Options(StackConfiguration configuration)
        => _clients with { Concurrency = configuration.Settings.Concurrency, Insecure = configuration.Settings.Insecure, Time = _time };

    private sealed class DisposableLock(StackLock stackLock) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stackLock.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
