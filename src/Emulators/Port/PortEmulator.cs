using System.Text.Json.Nodes;
using Emulators.Port.Actions;
using Emulators.Port.Auth;
using Emulators.Port.Blueprints;
using Emulators.Port.Entities;
using Emulators.Port.Http;
using Emulators.Port.Permissions;
using Emulators.Port.Runs;
using Emulators.Port.Secrets;
using Emulators.Port.State;
using Emulators.Port.Timers;
using Emulators.Port.Users;
using Emulators.Port.Webhooks;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port;

/// <summary>
/// Port's REST API, in memory: blueprints, entities, actions and automations (executed for real),
/// organisation secrets, runs. Faithful to the facts in docs/port-api.md.
/// </summary>
public sealed class PortEmulator : IAsyncDisposable
{
    private readonly Organisation _organisation;
    private readonly PortContext _context;
    private readonly TokenIssuer _tokens;
    private readonly PortPipeline _pipeline;
    private readonly RunService _runs;
    private readonly BackgroundWork _background = new();
    private readonly StateStore? _state;
    private readonly WebhookRoutes _webhooks;
    private readonly WebhookIngest _ingest;
    private readonly TimerWatch _timers;

    /// <exception cref="InvalidDataException">The state file exists but cannot be read.</exception>
    /// <exception cref="ArgumentException">The options' users are malformed (see <see cref="PortEmulatorOptions.Users"/>).</exception>
    public PortEmulator(PortEmulatorOptions options, HttpClient webhookClient)
    {
        Options = options;
        WebhookClient = webhookClient;
        var users = new UserDirectory(options);
        _organisation = new Organisation(options);
        var protector = new SecretProtector(options.ClientSecret);
        if (options.StateFile is { } file)
        {
            if (File.Exists(file))
            {
                StateSnapshot.Read(File.ReadAllBytes(file), _organisation, protector);
            }

            _state = new StateStore(file, options.StateSaveDelay, () => StateSnapshot.Write(_organisation, protector));
        }

        _context = new PortContext(options, _organisation, _state, users);
        _tokens = new TokenIssuer(options);
        _pipeline = new PortPipeline(options, _tokens, new RateLimitWindow(options));
        var webhooks = new WebhookInvoker(options, webhookClient, _tokens, () => PublicBaseUrl);
        _runs = new RunService(_context, webhooks, new UpsertEntityInvoker(_context), _background);
        _context.Automations = new AutomationDispatcher(_context, _runs);
        _timers = new TimerWatch(_context, _background);
        _context.Timers = _timers;
        _timers.Adopt();
        _webhooks = new WebhookRoutes(_context, () => PublicBaseUrl);
        _ingest = new WebhookIngest(_context, _background, new WebhookEventProcessor(_context, outcome => WebhookEventProcessed?.Invoke(outcome)));
    }

    /// <summary>Raised after each ingested webhook event has been processed (the live-updates benchmark's commit stamp).</summary>
    public event Action<WebhookEventOutcome>? WebhookEventProcessed;

    public PortEmulatorOptions Options { get; }

    internal HttpClient WebhookClient { get; }

    /// <summary>This emulator's own base URL once bound; webhooks to it get Port's authentication added.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Adds Port's middleware (auth, body limit, trace id, rate-limit headers) and every route.</summary>
    public void Configure(WebApplication app)
    {
        _pipeline.UseMiddleware(app);
        new AuthRoutes(_tokens).Map(app, _pipeline);
        new BlueprintRoutes(_context).Map(app, _pipeline);
        new EntityRoutes(_context).Map(app, _pipeline);
        new ActionRoutes(_context).Map(app, _pipeline);
        var policies = new PolicyEvaluator(_organisation, _context.Users);
        new RunRoutes(_context, _runs, policies).Map(app, _pipeline);
        new ApprovalRoutes(_context, _runs, policies).Map(app, _pipeline);
        new SecretRoutes(_context).Map(app, _pipeline);
        new UserRoutes(_context.Users).Map(app, _pipeline);
        _webhooks.Map(app, _pipeline);
        new AuditRoutes(_context).Map(app, _pipeline);
        _ingest.Map(app);
        _pipeline.MapFallback(app);
    }

    public int EntityCount(string blueprint)
    {
        lock (_organisation.Gate)
        {
            return _organisation.EntitiesOf(blueprint)?.Count ?? 0;
        }
    }

    /// <summary>A blueprint's entities as the API answers them, in their stable order.</summary>
    public IReadOnlyList<JsonObject> Entities(string blueprint)
    {
        lock (_organisation.Gate)
        {
            return _organisation.Blueprints.TryGetValue(blueprint, out var record)
                ? [.. record.Entities.All.Select(e => EntityView.Render(record, e))]
                : [];
        }
    }

    /// <summary>
    /// Creates an entity as a person does in Port's UI: validated as the API validates it, recorded as
    /// <paramref name="userId"/>'s (<c>createdBy</c>/<c>updatedBy</c>), automations triggered.
    /// </summary>
    /// <exception cref="InvalidOperationException">The blueprint does not exist or Port would refuse the entity.</exception>
    public JsonObject CreateEntityAsPerson(string blueprint, JsonObject entity, string userId)
    {
        EntityWrite write;
        lock (_organisation.Gate)
        {
            var record = _organisation.Blueprints.GetValueOrDefault(blueprint) ?? throw new InvalidOperationException($"blueprint '{blueprint}' does not exist");
            using (_organisation.ActingAs(userId))
            {
                try
                {
                    write = _context.EntityWriter.Write(record, entity.DeepClone(), EntityWriteMode.Create, null, strict: true, createMissingRelated: false, validationOnly: false);
                }
                catch (PortApiError error)
                {
                    throw new InvalidOperationException($"Port would refuse the entity: {error.Message}", error);
                }
            }

            _context.Changed();
        }

        _context.Automations.EntityChanged(write.Blueprint, write.Before, write.Entity, 0);
        return EntityView.Render(_organisation.Blueprints[blueprint], write.Entity);
    }

    public JsonObject? Blueprint(string identifier)
    {
        lock (_organisation.Gate)
        {
            return _organisation.Blueprints.TryGetValue(identifier, out var record) ? (JsonObject)record.Definition.DeepClone() : null;
        }
    }

    public JsonObject? Action(string identifier)
    {
        lock (_organisation.Gate)
        {
            return _organisation.Actions.TryGetValue(identifier, out var action) ? (JsonObject)action.DeepClone() : null;
        }
    }

    /// <summary>A webhook data source as stored, with its ingest URL and the secret in clear whatever <see cref="PortEmulatorOptions.WebhookSecret"/> says.</summary>
    public JsonObject? Webhook(string identifier)
    {
        lock (_organisation.Gate)
        {
            return _organisation.Webhooks.TryGetValue(identifier, out var webhook) ? _webhooks.Render(webhook) : null;
        }
    }

    /// <summary>Name, description and meta fields; never the value.</summary>
    public JsonObject? SecretMetadata(string name)
    {
        lock (_organisation.Gate)
        {
            return _organisation.Secrets.TryGetValue(name, out var secret) ? secret.Metadata() : null;
        }
    }

    /// <summary>For tests only: what an automation or a client wrote into the secret.</summary>
    internal string? SecretValue(string name)
    {
        lock (_organisation.Gate)
        {
            return _organisation.Secrets.TryGetValue(name, out var secret) ? secret.Value : null;
        }
    }

    /// <summary>
    /// For tests only: the whole organisation (blueprints with their entities, actions, secrets with
    /// their values and meta fields) as one JSON text, so a test can compare it before and after a run
    /// byte for byte. Unlike the state file, secret values are in clear (the file's are encrypted with a
    /// fresh nonce, so two writes of the same organisation differ).
    /// </summary>
    internal string Dump()
    {
        var protector = new SecretProtector(Options.ClientSecret);
        var root = JsonNode.Parse(StateSnapshot.Write(_organisation, protector))!.AsObject();
        foreach (var secret in root["secrets"]!.AsArray())
        {
            var value = protector.Unprotect(secret!["protectedValue"]!.GetValue<string>());
            secret.AsObject().Remove("protectedValue");
            secret["value"] = value;
        }

        var webhooks = root["webhooks"]!.AsArray();
        for (var i = 0; i < webhooks.Count; i++)
        {
            webhooks[i] = WebhookSecrets.Unprotect(webhooks[i]!.AsObject(), protector);
        }

        return root.ToJsonString();
    }

    /// <summary>Every run (self-service and automation), oldest first.</summary>
    public IReadOnlyList<JsonObject> Runs()
    {
        lock (_organisation.Gate)
        {
            return [.. _organisation.Runs.Values.Select(r => (JsonObject)r.Run.DeepClone())];
        }
    }

    /// <summary>Waits until no run or automation is executing (including ones they start).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => _background.WhenIdleAsync(cancellationToken);

    /// <summary>Writes pending changes to the state file now (no-op without <c>--state</c>).</summary>
    public Task FlushAsync() => _state?.FlushAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _timers.Dispose();
        using var timeout = new CancellationTokenSource(Options.WebhookTimeout * 2);
        try
        {
            await WhenIdleAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: a webhook still in flight is abandoned; what was stored is still flushed.
        }

        await FlushAsync();
    }
}
