using Infra.Cli.Config;
using Infra.Cli.Engine.State;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;
using Infra.Cli.Http;
using Infra.Cli.Engine.Contract;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Engine;

/// <summary>
/// Builds the real engine for a <paramref name="program"/>: the lock first (when exclusive, so a second
/// run fails before touching anything), whatever <paramref name="backends"/> runs locally for the stack,
/// then the HTTP clients and the state file. <paramref name="clients"/> is a template for the clients'
/// options (retry limit, statistics); the stack's concurrency and insecure settings and this factory's
/// clock always override it.
/// </summary>
public sealed class StackEngineFactory(
    StackProgram program,
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

            var options = _clients with { Concurrency = settings.Concurrency, Insecure = settings.Insecure, Time = _time };
            var port = PortClient.Create(configuration.Port, options);
            var spacelift = SpaceliftClient.Create(configuration.Spacelift, options);
            owned.AddRange(new object[] { port, spacelift }.OfType<IAsyncDisposable>());
            var store = new FileStateStore(settings.StateDir, configuration.Stack);
            return new StackEngine(program, configuration, port, spacelift, store, _time, owned);
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

    public Declaration Declare(StackConfiguration configuration) => program(DeclarationInputs.For(configuration), []);

    private sealed class DisposableLock(StackLock stackLock) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stackLock.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
