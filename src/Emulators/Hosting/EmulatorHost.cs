using Emulators.Clock;
using Emulators.Faults;
using Emulators.Port;
using Emulators.Port.Users;
using Emulators.Spacelift;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Emulators.Hosting;

/// <summary>
/// Both emulators on Kestrel, each on its own loopback port, behind shared latency, fault and counting
/// middleware. Tests and benchmarks reach the services' state through <see cref="Port"/> and
/// <see cref="Spacelift"/>, and reconfigure <see cref="Faults"/>, <see cref="LatencyMs"/> and
/// <see cref="Counters"/> while the host runs.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _portApp;
    private readonly WebApplication _spaceliftApp;
    private readonly HttpClient _webhookClient;
    private int _latencyMs;
    private int _disposed;

    private EmulatorHost(EmulatorOptions options, TimeProvider clock, HttpClient webhookClient, PortEmulator port, SpaceliftEmulator spacelift)
    {
        Options = options;
        Clock = clock;
        _webhookClient = webhookClient;
        Port = port;
        Spacelift = spacelift;
        LatencyMs = options.LatencyMs;
        Faults.SlowDelay = options.SlowFaultDelay;
        Faults.Configure(options.Faults, options.FaultSeed);
        _portApp = CreateApp(options.PortUrl, "--port-url", ServiceNames.Port,
            (request, _) => ValueTask.FromResult(PortRequestClassifier.Classify(request)), Counters.Port, Port.Configure);
        _spaceliftApp = CreateApp(options.SpaceliftUrl, "--spacelift-url", ServiceNames.Spacelift,
            (request, ct) => new ValueTask<RequestClass>(SpaceliftRequestClassifier.ClassifyAsync(request, ct)), Counters.Spacelift, Spacelift.Configure);
    }

    public EmulatorOptions Options { get; }

    /// <summary>
    /// The one clock both emulators run on: <see cref="EmulatorOptions.Time"/>, or a
    /// <see cref="ScaledTimeProvider"/> over it when <see cref="EmulatorOptions.ClockSpeed"/> is not 1.
    /// </summary>
    public TimeProvider Clock { get; }

    /// <summary>Port's base URL, e.g. <c>http://127.0.0.1:5123/</c> (routes start with <c>/v1</c>).</summary>
    public Uri PortUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Spacelift's base URL, e.g. <c>http://127.0.0.1:5124/</c>: the JWT audience, without <c>/graphql</c>.</summary>
    public Uri SpaceliftUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Spacelift's GraphQL endpoint: <see cref="SpaceliftUrl"/> + <c>graphql</c>.</summary>
    public Uri SpaceliftGraphQLUrl => new(SpaceliftUrl, "graphql");

    public PortEmulator Port { get; }
    public SpaceliftEmulator Spacelift { get; }
    public FaultInjector Faults { get; } = new();
    public RequestCounters Counters { get; } = new();

    /// <summary>Milliseconds added to every response of both services.</summary>
    public int LatencyMs
    {
        get => Volatile.Read(ref _latencyMs);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _latencyMs, value);
        }
    }

    /// <exception cref="EmulatorUsageException">A URL is not a loopback http URL, its port is taken, or the fault spec is bad.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Stacks);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Spaces);
        ArgumentOutOfRangeException.ThrowIfNegative(options.RunsPerStack);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ProposedRunsPerStack);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RunsPageSize, 1);
        try
        {
            FaultSpec.Parse(options.Faults);
        }
        catch (FaultSpecException e)
        {
            throw new EmulatorUsageException("--faults: " + e.Message);
        }

        var clock = SharedClock(options);
        var webhookClient = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
        })
        { Timeout = options.WebhookTimeout };
        var port = new PortEmulator(
            new PortEmulatorOptions
            {
                ClientId = options.PortClientId,
                ClientSecret = options.PortClientSecret,
                StateFile = options.StateFile,
                Users = [PortUser.DefaultAdmin, .. options.PortUsers],
                Time = clock,
                TimerAfterExpiry = options.PortTimerAfterExpiry,
                PastTimersFire = options.PortPastTimersFire,
                UpsertEntityUpdate = options.PortUpsertEntityUpdate,
                WebhookSecret = options.PortWebhookSecret,
                TeamIdentifiers = options.PortTeamIdentifiers,
                MappingOperationString = options.PortMappingOperationString,
                Author = options.PortAuthor,
                Relations = options.PortRelations,
            },
            webhookClient);
        var spacelift = new SpaceliftEmulator(new SpaceliftEmulatorOptions
        {
            Stacks = options.Stacks,
            Spaces = options.Spaces,
            RunsPerStack = options.RunsPerStack,
            ProposedRunsPerStack = options.ProposedRunsPerStack,
            RunsPageSize = options.RunsPageSize,
            MaxRunListsPerRequest = options.MaxRunListsPerRequest,
            SpacesChildrenFirst = options.SpacesChildrenFirst,
            ApiKeyId = options.SpaceliftKeyId,
            ApiKeySecret = options.SpaceliftKeySecret,
            TokenLifetime = options.TokenLifetime,
            Time = clock,
            WebhookClient = webhookClient,
            StateFile = options.StateFile is { } portState ? SpaceliftStateFile(portState) : null,
            AbsentRead = options.SpaceliftAbsentRead,
            Ids = options.SpaceliftIds,
            PageCap = options.SpaceliftPageCap,
            OversizedPage = options.SpaceliftOversizedPage,
            WrongSecretIsError = options.SpaceliftWrongSecretIsError,
        });

        EmulatorHost? host = null;
        try
        {
            host = new EmulatorHost(options, clock, webhookClient, port, spacelift);
            await ListenAsync(host._portApp, "Port", options.PortUrl, cancellationToken);
            await ListenAsync(host._spaceliftApp, "Spacelift", options.SpaceliftUrl, cancellationToken);
            host.PortUrl = BoundUrl(host._portApp);
            host.SpaceliftUrl = BoundUrl(host._spaceliftApp);
            port.PublicBaseUrl = host.PortUrl;
            spacelift.PublicBaseUrl = host.SpaceliftUrl;
            return host;
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            else
            {
                webhookClient.Dispose();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        // No new run events; the ones in flight reach Port while it still listens.
        Spacelift.RunEvents.Dispose();
        await Spacelift.WaitForDeliveriesAsync(timeout.Token);
        await StopQuietlyAsync(_spaceliftApp, timeout.Token);
        await StopQuietlyAsync(_portApp, timeout.Token);
        // Waits for webhook runs in flight and writes the coalesced --state file one last time:
        // without it a run that ends right after a change (the demo's destroy) loses that change.
        await Port.DisposeAsync();
        await Spacelift.FlushAsync();
        await _spaceliftApp.DisposeAsync();
        await _portApp.DisposeAsync();
        _webhookClient.Dispose();
    }

    /// <exception cref="EmulatorUsageException">The clock speed is out of range.</exception>
    private static TimeProvider SharedClock(EmulatorOptions options)
    {
        if (options.ClockSpeed == 1)
        {
            return options.Time;
        }

        try
        {
            return new ScaledTimeProvider(options.Time, options.ClockSpeed);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new EmulatorUsageException("--clock-speed: " + e.Message.Split(Environment.NewLine)[0]);
        }
    }

    /// <summary>Spacelift's state (named webhooks, policies, runs) is kept beside Port's: <c>x.json</c> → <c>x.spacelift.json</c>.</summary>
    public static string SpaceliftStateFile(string portStateFile)
        => Path.Combine(Path.GetDirectoryName(portStateFile) ?? string.Empty, Path.GetFileNameWithoutExtension(portStateFile) + ".spacelift.json");

    private WebApplication CreateApp(
        Uri? url,
        string flag,
        string service,
        Func<HttpRequest, CancellationToken, ValueTask<RequestClass>> classify,
        ServiceCounters counters,
        Action<WebApplication> configureService)
    {
        var endpoint = LoopbackEndpoint.From(url, flag);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(endpoint));
        var app = builder.Build();
        var middleware = new EmulatorMiddleware(service, classify, counters, Faults, () => LatencyMs, Clock);
        app.Use(middleware.InvokeAsync);
        configureService(app);
        return app;
    }

    /// <summary>Starts one service; a port already taken is a usage error naming the address, not a crash.</summary>
    private static async Task ListenAsync(WebApplication app, string service, Uri? url, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new EmulatorUsageException($"the {service} emulator cannot listen on {url?.Authority ?? "its address"}: the address is already in use");
        }
    }

    private static Uri BoundUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    private static async Task StopQuietlyAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StopAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Stopping a host that never started, or one that took too long: disposal follows anyway.
        }
    }
}
