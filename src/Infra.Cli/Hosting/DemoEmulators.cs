using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;
using Infra.Sdk;

namespace Infra.Cli.Hosting;

/// <summary>
/// The demo stack's Port and Spacelift: started in-process, on the stack's configured URLs and with
/// its credentials, when the stack file asks for them (<c>infra:demoStacks</c>). Three demo keys shape
/// them: <c>infra:demoTokenLifetimeSeconds</c> (Spacelift's JWT lifetime on the emulators' clock),
/// <c>infra:demoClockSpeed</c> (how many times faster than real time that clock runs), and
/// <c>infra:demoEmulators</c>: <c>in-process</c> (the default), or <c>external</c> when the emulators run
/// on their own at those URLs (<c>dotnet run --project src/Emulators</c>), so that Port keeps renewing the
/// token after the command ends.
/// </summary>
public sealed class DemoEmulators : ILocalBackends
{
    public const string InProcess = "in-process";
    public const string External = "external";

    public async Task<IAsyncDisposable?> StartAsync(StackConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.Settings.Demo is not { } demo || Placement(configuration.Values) == External)
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
        options = WithClock(options, configuration.Values);
        try
        {
            return await EmulatorHost.StartAsync(options, cancellationToken);
        }
        catch (EmulatorUsageException e)
        {
            throw new DemoUnavailableException(e.Message, configuration.StackFile);
        }
    }

    /// <summary><c>infra:demoEmulators</c>: <see cref="InProcess"/> unless set.</summary>
    public static string Placement(IStackConfig config)
    {
        var key = $"{config.Project}:demoEmulators";
        return config.Get(key) switch
        {
            null => InProcess,
            { Text: InProcess or External } value => value.Text,
            var other => throw config.Invalid(key, $"must be '{InProcess}' or '{External}', got '{other.Text}'", other),
        };
    }

    /// <summary>The token lifetime and clock speed the demo keys ask for, on top of the emulators' defaults.</summary>
    public static EmulatorOptions WithClock(EmulatorOptions options, IStackConfig config)
    {
        var lifetimeKey = $"{config.Project}:demoTokenLifetimeSeconds";
        if (config.GetInteger(lifetimeKey) is { } seconds)
        {
            options = seconds is >= 1 and <= 7 * 24 * 3600
                ? options with { TokenLifetime = TimeSpan.FromSeconds(seconds) }
                : throw config.Invalid(lifetimeKey, $"must be between 1 and {7 * 24 * 3600}, got '{seconds}'", config.Get(lifetimeKey));
        }

        var speedKey = $"{config.Project}:demoClockSpeed";
        if (config.GetInteger(speedKey) is { } speed)
        {
            options = speed is >= 1 and <= (long)Emulators.Clock.ScaledTimeProvider.MaxSpeed
                ? options with { ClockSpeed = speed }
                : throw config.Invalid(speedKey, $"must be between 1 and {(long)Emulators.Clock.ScaledTimeProvider.MaxSpeed}, got '{speed}'", config.Get(speedKey));
        }

        return options;
    }
}
