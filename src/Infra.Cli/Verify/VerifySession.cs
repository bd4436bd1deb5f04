using Infra.Cli.Config;
using Infra.Cli.Engine.State;
using Infra.Cli.Hosting;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Verify;

/// <summary>
/// What one <c>verify</c> holds while it runs: the stack's lock (it rewrites SPACELIFT_TOKEN, which a
/// concurrent <c>up</c> may be minting), what the stack runs locally (the demo's emulators), and the Port
/// API.
/// </summary>
internal sealed class VerifySession : IAsyncDisposable
{
    private readonly StackLock _lock;
    private readonly IAsyncDisposable? _backends;

    private VerifySession(StackLock stackLock, IAsyncDisposable? backends, PortActionRuns port, SecretMasker scrubber)
    {
        _lock = stackLock;
        _backends = backends;
        Port = port;
        Scrubber = scrubber;
    }

    public PortActionRuns Port { get; }

    /// <summary>Masks the credentials of this configuration, and every JWT seen, inside any message.</summary>
    public SecretMasker Scrubber { get; }

    /// <param name="backends">What the stack runs locally (the demo's emulators), started exactly as the engine starts them.</param>
    public static async Task<VerifySession> OpenAsync(StackConfiguration configuration, ILocalBackends backends, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = configuration.Settings;
        var stackLock = StackLock.Acquire(settings.StateDir, configuration.Stack, "verify", time);
        IAsyncDisposable? started = null;
        try
        {
            started = await backends.StartAsync(configuration, cancellationToken).ConfigureAwait(false);
            var scrubber = configuration.NewMasker();
            var port = new PortActionRuns(configuration.Port, new ClientOptions(Insecure: settings.Insecure, Time: time));
            return new VerifySession(stackLock, started, port, scrubber);
        }
        catch
        {
            if (started is not null)
            {
                await started.DisposeAsync().ConfigureAwait(false);
            }

            stackLock.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_backends is not null)
        {
            // The demo's emulators wait for webhooks in flight and keep the organisation (with its new token) on disk.
            await _backends.DisposeAsync().ConfigureAwait(false);
        }

        _lock.Dispose();
    }
}
