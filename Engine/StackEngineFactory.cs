using Emulators.Hosting;
using Infra.Config;
using Infra.Port;
using Infra.Spacelift;

namespace Infra.Engine;

/// <summary>
/// Builds the real engine: the lock first (when exclusive, so a second run fails before touching
/// anything), the demo's emulators when configured, then the HTTP clients and the state file.
/// <paramref name="clients"/> is a template for the clients' options (retry limit, statistics); the
/// stack's concurrency and insecure settings and this factory's clock always override it.
/// </summary>
public sealed class StackEngineFactory(TimeProvider? time = null, ClientOptions? clients = null) : IStackEngineFactory
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ClientOptions _clients = clients ?? new ClientOptions();

    public async Task<IStackEngine> CreateAsync(StackConfiguration configuration, bool exclusive, CancellationToken cancellationToken)
    {
        var settings = configuration.Settings;
        var owned = new List<IAsyncDisposable>();
        try
        {
            if (exclusive)
            {
                owned.Add(new DisposableLock(StackLock.Acquire(settings.StateDir, configuration.Stack, Command(), _time)));
            }

            if (settings.Demo is { } demo)
            {
                owned.Add(await StartDemoAsync(
                    new EmulatorOptions
                    {
                        PortUrl = configuration.Port.BaseUrl,
                        SpaceliftUrl = configuration.Spacelift.Endpoint,
                        Stacks = demo.Stacks,
                        StateFile = demo.StateFile,
                        PortClientId = configuration.Port.ClientId,
                        PortClientSecret = configuration.Port.ClientSecret.Reveal(),
                        SpaceliftKeyId = configuration.Spacelift.ApiKeyId,
                        SpaceliftKeySecret = configuration.Spacelift.ApiKeySecret.Reveal(),
                    },
                    configuration.StackFile,
                    cancellationToken));
            }

            var options = _clients with { Concurrency = settings.Concurrency, Insecure = settings.Insecure, Time = _time };
            var port = PortClient.Create(configuration.Port, options);
            var spacelift = SpaceliftClient.Create(configuration.Spacelift, options);
            owned.AddRange(new object[] { port, spacelift }.OfType<IAsyncDisposable>());
            var store = new FileStateStore(settings.StateDir, configuration.Stack);
            return new StackEngine(configuration, port, spacelift, store, _time, owned);
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

    private static async Task<EmulatorHost> StartDemoAsync(EmulatorOptions options, string stackFile, CancellationToken cancellationToken)
    {
        try
        {
            return await EmulatorHost.StartAsync(options, cancellationToken);
        }
        catch (EmulatorUsageException e)
        {
            throw new DemoUnavailableException(e.Message, stackFile);
        }
    }

    /// <summary>The verb this process runs, for the lock's holder record (arguments may carry paths, never secrets, but only the verb is kept).</summary>
    private static string Command() => Environment.GetCommandLineArgs().Skip(1).FirstOrDefault() ?? "unknown";

    private sealed class DisposableLock(StackLock stackLock) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stackLock.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
