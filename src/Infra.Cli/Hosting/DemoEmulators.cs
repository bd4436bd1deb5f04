using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Hosting;

/// <summary>
/// The demo stack's Port and Spacelift: started in-process, on the stack's configured URLs and with
/// its credentials, when the stack file asks for them (<c>infra:demo</c>).
/// </summary>
public sealed class DemoEmulators : ILocalBackends
{
    public async Task<IAsyncDisposable?> StartAsync(StackConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.Settings.Demo is not { } demo)
        {
            return null;
        }

        var options = new EmulatorOptions
            {
            PortUrl = configuration.Port.BaseUrl,
            SpaceliftUrl = configuration.Spacelift.Endpoint,
            Stacks = demo.Stacks,
            // A run history for the full catalogue to show (the demo stack file sets infra:catalogue: full).
            RunsPerStack = 6,
            StateFile = demo.StateFile,
            PortClientId = configuration.Port.ClientId,
            PortClientSecret = configuration.Port.ClientSecret.Reveal(),
            SpaceliftKeyId = configuration.Spacelift.ApiKeyId,
            SpaceliftKeySecret = configuration.Spacelift.ApiKeySecret.Reveal(),
        };
        try
        {
            return await EmulatorHost.StartAsync(options, cancellationToken);
        }
        catch (EmulatorUsageException e)
        {
            throw new DemoUnavailableException(e.Message, configuration.StackFile);
        }
    }
}
