using Emulators.Hosting;
using Infra.Config;
using Infra.Engine;
using Infra.Port;
using Infra.Model;

namespace Infra.Verify;

/// <summary>
/// What one <c>verify</c> holds while it runs: the stack's lock (it rewrites SPACELIFT_TOKEN, which a
/// concurrent <c>up</c> may be minting), the demo's emulators when the stack is the demo, and the Port
/// API. The demo start mirrors <see cref="StackEngineFactory"/>'s, so the demo answers the same way.
/// </summary>
internal sealed class VerifySession : IAsyncDisposable
{
    private readonly StackLock _lock;
    private readonly EmulatorHost? _emulators;

    private VerifySession(StackLock stackLock, EmulatorHost? emulators, PortActionRuns port, SecretMasker scrubber)
    {
        _lock = stackLock;
        _emulators = emulators;
        Port = port;
        Scrubber = scrubber;
    }

    public PortActionRuns Port { get; }

    /// <summary>Masks the credentials of this configuration, and every JWT seen, inside any message.</summary>
    public SecretMasker Scrubber { get; }

    public static async Task<VerifySession> OpenAsync(StackConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        var settings = configuration.Settings;
        var stackLock = StackLock.Acquire(settings.StateDir, configuration.Stack, "verify", time);
        EmulatorHost? emulators = null;
        try
        {
            if (settings.Demo is { } demo)
            {
                emulators = await StartDemoAsync(
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
                    cancellationToken).ConfigureAwait(false);
            }

            var scrubber = new SecretMasker();
            scrubber.Add(configuration.Port.ClientSecret.Reveal());
            scrubber.Add(configuration.Spacelift.ApiKeySecret.Reveal());
            var port = new PortActionRuns(configuration.Port, new ClientOptions(Insecure: settings.Insecure, Time: time));
            return new VerifySession(stackLock, emulators, port, scrubber);
        }
        catch
        {
            if (emulators is not null)
            {
                await emulators.DisposeAsync().ConfigureAwait(false);
            }

            stackLock.Dispose();
            throw;
        }
    }

    /// <summary>A demo port already taken is one line naming it, as for the other commands.</summary>
    private static async Task<EmulatorHost> StartDemoAsync(EmulatorOptions options, string stackFile, CancellationToken cancellationToken)
    {
        try
        {
            return await EmulatorHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (EmulatorUsageException e)
        {
            throw new DemoUnavailableException(e.Message, stackFile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulators is not null)
        {
            // Waits for webhooks in flight and keeps the demo organisation (with its new token) on disk.
            await _emulators.DisposeAsync().ConfigureAwait(false);
        }

        _lock.Dispose();
    }
}
