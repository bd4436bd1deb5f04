using Emulators.Port.State;
using Emulators.Spacelift.Auth;
using Emulators.Spacelift.Graph;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Spaces;
using Emulators.Spacelift.Stacks;
using Emulators.Spacelift.State;
using Emulators.Spacelift.Webhooks;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Spacelift;

/// <summary>
/// Spacelift's GraphQL API, in memory: <c>POST /graphql</c> over a real GraphQL engine. Tests reach the
/// account through <see cref="Spaces"/>, <see cref="Stacks"/>, <see cref="Runs"/> and <see cref="Tokens"/>.
/// </summary>
public sealed class SpaceliftEmulator
{
    private readonly GraphQLEndpoint _endpoint;
    private readonly StateStore? _state;

    public SpaceliftEmulator(SpaceliftEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = options.Time;
        WrongSecretIsError = options.WrongSecretIsError;
        Tokens = new TokenService(options.Time, options.TokenLifetime);
        Tokens.AddApiKey(options.ApiKeyId, options.ApiKeySecret);
        var spaces = SpaceGenerator.Generate(options.Spaces);
        foreach (var space in spaces)
        {
            Spaces.Add(space);
        }

        foreach (var stack in StackGenerator.Generate(options.Stacks, spaces))
        {
            Stacks.Add(stack);
        }

        var saved = options.StateFile is { } stateFile && File.Exists(stateFile) ? File.ReadAllBytes(stateFile) : null;
        HistoryAnchor = (saved is null ? null : SpaceliftSnapshot.ReadAnchor(saved)) ?? options.RunHistoryAnchor ?? options.Time.GetUtcNow();
        foreach (var run in RunHistoryGenerator.Generate(Stacks.All(), options.RunsPerStack, options.ProposedRunsPerStack, HistoryAnchor))
        {
            Runs.Record(run);
        }

        Webhooks = new WebhookDeliverer(options.WebhookClient, NamedWebhooks, options.Time);
        RunEvents = new RunEventPump(this);
        if (options.StateFile is { } file)
        {
            var protector = new SecretProtector(options.ApiKeySecret);
            if (saved is not null)
            {
                SpaceliftSnapshot.Read(saved, this, protector);
            }

            _state = new StateStore(file, options.StateSaveDelay, () => SpaceliftSnapshot.Write(this, protector));
            NamedWebhooks.Changed += Changed;
            Policies.Changed += Changed;
            if (saved is null)
            {
                // The anchor is only worth something once kept: a restart must regenerate the same run history.
                Changed();
            }
        }

        // The history and the state file's runs happened before this start: their transitions are not sent.
        RunEvents.Adopt();
        _endpoint = new GraphQLEndpoint(this);
    }

    public SpaceliftEmulatorOptions Options { get; }
    public StackStore Stacks { get; } = new();

    /// <summary>The account's spaces: <c>root</c>, <c>legacy</c> and the generated tree (see <see cref="SpaceGenerator"/>).</summary>
    public SpaceStore Spaces { get; } = new();

    /// <summary>When the generated run history ends; kept in the state file so a restart regenerates the same runs.</summary>
    public DateTimeOffset HistoryAnchor { get; }
    public RunLedger Runs { get; } = new();
    public TokenService Tokens { get; }
    public TimeProvider Time { get; }

    /// <summary>Named webhook integrations, by id (the slug of the name).</summary>
    public NamedStore<NamedWebhook> NamedWebhooks { get; } = new("named webhook", w => w.Id);

    /// <summary>Policies, by id (the slug of the name); NOTIFICATION ones route run events.</summary>
    public NamedStore<EmulatedPolicy> Policies { get; } = new("policy", p => p.Id);

    /// <summary>Delivery of run events to named webhooks: retries, back-off scale, the record of deliveries.</summary>
    public WebhookDeliverer Webhooks { get; }

    /// <summary>Emits one event per run state transition, on <see cref="Time"/>.</summary>
    public RunEventPump RunEvents { get; }

    /// <summary>
    /// What <c>apiKeyUser</c> answers for a known key id with a wrong secret: <c>null</c> plus an
    /// <c>unauthorized</c> error (true, the default), or <c>null</c> alone. Spacelift does not document it;
    /// it starts as <see cref="SpaceliftEmulatorOptions.WrongSecretIsError"/> says.
    /// </summary>
    public bool WrongSecretIsError { get; set; }

    /// <summary>The base URL clients see (no <c>/graphql</c>); it is the JWT audience.</summary>
    public Uri PublicBaseUrl
    {
        get => Tokens.Audience;
        set => Tokens.Audience = value;
    }

    /// <summary>Maps <c>POST /graphql</c>.</summary>
    public void Configure(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/graphql", _endpoint.HandleAsync);
    }

    /// <summary>Records that something the state file keeps changed (no-op without one).</summary>
    internal void Changed() => _state?.MarkDirty();

    /// <summary>Waits for deliveries in flight, giving up quietly when <paramref name="cancellationToken"/> fires (shutdown).</summary>
    public async Task WaitForDeliveriesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Webhooks.WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: a delivery still in flight is abandoned.
        }
    }

    /// <summary>Writes pending changes to the state file now (no-op without one).</summary>
    public Task FlushAsync() => _state?.FlushAsync() ?? Task.CompletedTask;

    /// <summary>The stack's state: its latest tracked run's, or the stored one when it has none.</summary>
    internal (string State, long? Since) EffectiveState(EmulatedStack stack)
    {
        var latest = Runs.Latest(stack.Id, "TRACKED");
        if (latest is null)
        {
            return (stack.State, stack.StateSetAt);
        }

        var (state, since) = RunProgress.StateAt(latest, Runs.Script, Time.GetUtcNow());
        return (state, since.ToUnixTimeSeconds());
    }
}
