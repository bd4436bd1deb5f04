using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Http;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// Registers a program's graph with Pulumi's engine: each resource once what it depends on is registered,
/// with the inputs its kind's renderer gives, and write-only values as secrets. Under Pulumi an entity the
/// program does not register is deleted once the program exits cleanly, so whatever a shared decision
/// holds back (a set whose read failed, deletions the prune gate doubts) is registered as Port holds it,
/// and the run logs why as an error, which also keeps the engine from deleting anything. A held resource
/// of a group (the live-update loop) is not registered at all: never half a loop, and never a secret read back.
/// A group's shared secret is <see cref="DerivedSharedSecret"/>'s, kept or written as <see cref="SharedSecrets"/>
/// decides; Spacelift's kinds go through the bridged package (<see cref="BridgedKinds"/>).
/// </summary>
internal sealed partial class GraphRegistrar(Registrations run, PulumiStackConfig config, StackOwner owner, SecretMasker masker, DateTimeOffset now)
{
    private const string AllowMassDeleteAdvice = "if they are really gone, rerun with: pulumi up -c infra:allowMassDelete=true";

    private readonly ConcurrentDictionary<ResourceAddress, Task> _tasks = new();
    private readonly ConcurrentDictionary<ResourceAddress, string?> _expiries = new();
    private readonly ConcurrentDictionary<string, int> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupSecret> _secrets = new(StringComparer.Ordinal);

    private Secret FingerprintKey => config.Configuration.Port.ClientSecret;

    public async Task RegisterAsync(ResourceGraph graph, LiveSnapshot live, Holds holds, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in graph.Diagnostics.Concat(holds.Errors))
        {
            await run.LogAsync(Level(diagnostic.Severity), masker.MaskText(diagnostic.Message), cancellationToken);
        }

        foreach (var notice in graph.Notices.Where(n => live.Resources.ContainsKey(n.Address)))
        {
            await run.LogAsync(Level(notice.Note.Severity), notice.Note.Message, cancellationToken);
        }

        foreach (var check in LiveChecks.Run(graph, live.Find, now))
        {
            await run.LogAsync(Level(check.Severity), masker.MaskText(check.Message), cancellationToken);
        }

        await DecideSharedSecretsAsync(graph, live, holds, cancellationToken);

        // In dependency order, so each registration can wait for those it needs.
        foreach (var resource in DependencyOrder.Sort(graph.Resources, r => r.Address, Dependencies.Of))
        {
            var current = live.Resources.GetValueOrDefault(resource.Address);
            if (holds.IsHeld(resource.Address))
            {
                // Held: as Port has it, or not at all when Port has none, or when it stands in a group.
                if (current is not null && resource.Group is null)
                {
                    Start(resource with { Body = JsonBodies.Normalize(resource.Address.Kind, current, []), Value = null }, ct => RegisterKeptAsync(resource.Address, current, ct), cancellationToken);
                }

                continue;
            }

            Start(resource, ct => RegisterResourceAsync(resource, current, graph, live, ct), cancellationToken);
        }

        // Sets in their write order and each set's entities in waves, so that each entity can wait for the
        // entities its relations name (a space's parent, a run's stack), as Port needs them to exist.
        foreach (var set in DependencyOrder.Sort(graph.EntitySets, s => Dependencies.SetAddress(s.Blueprint), Dependencies.Of))
        {
            await RegisterSetAsync(set, live, holds, cancellationToken);
        }

        await Task.WhenAll(_tasks.Values);
        Outputs(graph);
    }

    private async Task RegisterSetAsync(EntitySet set, LiveSnapshot live, Holds holds, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var entity in live.EntitiesOf(set.Blueprint))
        {
            if (JsonWire.String(entity["identifier"]) is { } identifier)
            {
                current.TryAdd(identifier, entity);
            }
        }

        if (holds.HoldsEntitiesOf(set.Blueprint))
        {
            KeepAll(set, current.Values, cancellationToken);
            return;
        }

        var declared = set.Entities.Select(e => e.Address.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var declaredEntity in EntityRelations.Waves(set.Entities, e => e.Body, set).SelectMany(w => w))
        {
            var existing = current.GetValueOrDefault(declaredEntity.Address.Id);
            var entity = declaredEntity with { Body = KeptFields.Carry(ResourceKind.Entity, declaredEntity.Body, existing) };
            Start(entity, Dependencies.Of(entity, set), ct => entity.Expiries.Count == 0 ? RegisterEntityAsync(entity, set, ct) : RegisterWithExpiriesAsync(entity, existing, set, ct), cancellationToken);
        }

        // Entities that still exist but could not be declared, and those the set's prune scope leaves alone
        // (written after its read), are kept as Port has them.
        KeepAll(set, current.Where(e => !declared.Contains(e.Key) && (set.Keep.Contains(e.Key) || !ScopedPrune.MayDelete(e.Value, set.Prune))).Select(e => e.Value), cancellationToken);
        var authorship = new Authorship(config.Configuration.Port.ClientId, config.Configuration.Settings.ExclusiveBlueprints, config.Configuration.ExclusiveBlueprintsKey);
        var (gone, others) = authorship.Split(current.Where(e => !declared.Contains(e.Key) && !set.Keep.Contains(e.Key) && ScopedPrune.MayDelete(e.Value, set.Prune)).Select(e => e.Value));
        if (authorship.LeftAlone(others, set.Blueprint) is { } leftAlone)
        {
            // Pulumi deletes only what its state holds, so under either answer these stay; the warning says why.
            await run.LogAsync(EngineLogLevel.Warning, leftAlone, cancellationToken);
        }

        if (holds.HoldsDeletionsOf(set.Blueprint))
        {
            // Why is among the holds' diagnostics, logged first.
            KeepAll(set, gone, cancellationToken);
        }
        else if (PruneGate.Doubt(gone.Count, current.Count, set.Source, config.Configuration.Settings.PruneThreshold, set.Blueprint) is { } doubt && !config.AllowMassDelete)
        {
            KeepAll(set, gone, cancellationToken);
            await run.LogAsync(EngineLogLevel.Error, $"{doubt}; they are registered as Port holds them, so Pulumi deletes none ({AllowMassDeleteAdvice})", cancellationToken);
        }
        else if (gone.Count > 0 && config.AllowMassDelete)
        {
            await run.LogAsync(EngineLogLevel.Warning, $"{gone.Count} entities of '{set.Blueprint}' are no longer in {set.Source.Source}; infra:allowMassDelete lets Pulumi delete those it manages", cancellationToken);
        }
        else if (PruneGate.Notable(gone.Count, current.Count, set.Source, set.Blueprint) is { } notable)
        {
            await run.LogAsync(EngineLogLevel.Warning, notable, cancellationToken);
        }
    }

    private void KeepAll(EntitySet set, IEnumerable<JsonObject> entities, CancellationToken cancellationToken)
    {
        var kept = entities.Select(e => KeptEntity(set, e)).OfType<DesiredResource>().ToList();
        foreach (var entity in EntityRelations.Waves(kept, e => e.Body, set).SelectMany(w => w))
        {
            Start(entity, Dependencies.Of(entity, set), ct => RegisterEntityAsync(entity, set, ct), cancellationToken);
        }
    }

    /// <summary>Registers through <paramref name="register"/> once every dependency registered in this run is.</summary>
    private void Start(DesiredResource resource, Func<CancellationToken, Task> register, CancellationToken cancellationToken)
        => Start(resource, Dependencies.Of(resource), register, cancellationToken);

    private void Start(DesiredResource resource, IEnumerable<ResourceAddress> dependencies, Func<CancellationToken, Task> register, CancellationToken cancellationToken)
    {
        var needs = dependencies.Select(a => _tasks.GetValueOrDefault(a)).OfType<Task>().ToList();
        _tasks[resource.Address] = Run();

        async Task Run()
        {
            await Task.WhenAll(needs);
            await register(cancellationToken);
        }
    }

    private Task RegisterEntityAsync(DesiredResource entity, EntitySet set, CancellationToken cancellationToken)
    {
        _entities.AddOrUpdate(entity.Address.Blueprint!, 1, (_, n) => n + 1);
        return run.RegisterAsync(entity, Render(entity), Urns(Dependencies.Of(entity, set)), cancellationToken);
    }

    private Task RegisterKeptAsync(ResourceAddress address, JsonObject current, CancellationToken cancellationToken)
    {
        var kept = new DesiredResource(address, JsonBodies.Normalize(address.Kind, current, []));
        return run.RegisterAsync(kept, Render(kept), [], cancellationToken);
    }

    private async Task RegisterResourceAsync(DesiredResource resource, JsonObject? current, ResourceGraph graph, LiveSnapshot live, CancellationToken cancellationToken)
    {
        var desired = resource with { Body = OutputReferences.Resolve(resource, r => Output(r, live)) };
        switch (resource.Value)
        {
            case SecretValue.Given given:
                var inputs = Render(desired);
                inputs["description"] = GivenSecrets.Described(Described(desired), FingerprintKey, resource.Address.Id, given.Secret);
                await run.RegisterAsync(desired, inputs, Urns(desired), cancellationToken, special: Secret(given.Secret));
                return;
            case SecretValue.Minted minted:
                await RegisterMintedAsync(desired, minted, current, graph, live, cancellationToken);
                return;
            default:
                var shared = resource.Group is { } group && resource.Address.Kind.SharedSecret is not null ? _secrets[group] : null;
                if (shared is not null)
                {
                    desired = desired with { Body = SharedSecrets.WithFingerprint(resource.Address.Kind, desired.Body, shared.Fingerprint) };
                }

                if (BridgedKinds.Covers(resource.Address.Kind))
                {
                    await RegisterBridgedAsync(desired, shared, cancellationToken);
                    return;
                }

                // The secret travels inside its object (security.secret), as a Pulumi secret.
                var special = shared is null ? null : new Dictionary<string, SpecialInput> { [string.Join('.', resource.Address.Kind.SharedSecret!.Path)] = SpecialInput.SecretValue(shared.Value) };
                await run.RegisterAsync(desired, Render(desired), Urns(desired), cancellationToken, special: special);
                return;
        }
    }

    /// <summary>
    /// The value of a reference: the source's output as the engine answered it this run (its id, or an output
    /// field; unknown in a preview that creates it, or when its step failed), else as the service holds it.
    /// </summary>
    private string? Output(OutputReference reference, LiveSnapshot live)
    {
        if (run.Registered.TryGetValue(reference.Source, out var registered))
        {
            return reference.SourceField == "id" ? (registered.Id.Length > 0 ? registered.Id : null) : JsonWire.String(registered.Outputs[reference.SourceField]);
        }

        return JsonWire.String(live.Resources.GetValueOrDefault(reference.Source)?[reference.SourceField]);
    }

    /// <summary>
    /// A resource of the bridged Spacelift package. A reference still unknown travels as an unknown, which only a
    /// preview may send, or a run whose dependency the engine answered FAIL or SKIP (it then skips this one too). The
    /// named webhook's secret goes as the write-only <c>secretWo</c>; while both ends hold it, the engine keeps what its
    /// state has for it (<c>ignoreChanges</c>), so an idle run writes nothing.
    /// </summary>
    private async Task RegisterBridgedAsync(DesiredResource desired, GroupSecret? shared, CancellationToken cancellationToken)
    {
        var unknown = desired.References.Where(r => OutputReferences.IsUnknown(r, desired.Body)).Select(r => r.Field).ToList();
        var failedDependency = Dependencies.Of(desired).Any(a => run.Registered.TryGetValue(a, out var d) && !d.Succeeded);
        var secret = shared is null ? null : new WebhookSecret(SpecialInput.SecretValue(shared.Value), shared.Version);
        var inputs = BridgedKinds.Render(desired.Address.Kind, desired.Body, secret, unknown, unknownsAllowed: run.DryRun || failedDependency);
        await run.RegisterSpaceliftAsync(desired, inputs, Urns(desired), shared is { Decision.Generate: false } ? KeptWebhookSecret : null, cancellationToken);
    }

    /// <summary>
    /// Each group's shared secret this run (groups held back are not registered): the derived value, and whether
    /// both ends already hold it (<see cref="SharedSecrets.Decide"/> with the derived value's fingerprint).
    /// </summary>
    private async Task DecideSharedSecretsAsync(ResourceGraph graph, LiveSnapshot live, Holds holds, CancellationToken cancellationToken)
    {
        var groups = graph.Resources
            .Where(r => r.Address.Kind.SharedSecret is not null && r.Group is not null && !holds.IsHeld(r.Address))
            .GroupBy(r => r.Group!, StringComparer.Ordinal);
        foreach (var ends in groups)
        {
            var value = DerivedSharedSecret.Derive(FingerprintKey, owner, ends.Key);
            masker.Add(value.Reveal());
            var fingerprint = SharedSecrets.Fingerprint(FingerprintKey, ends.Key, value);
            var decision = SharedSecrets.Decide(ends.Key, ends.Select(r => (r.Address, r.Body, live.Resources.GetValueOrDefault(r.Address))), fingerprint);
            // Write-only at Spacelift, so a new version is what makes the provider send the value: the fingerprint, and
            // when an existing webhook records another (or none), that one too, so the version differs from any Pulumi stored.
            var named = ends.Where(r => BridgedKinds.Covers(r.Address.Kind)).Select(r => live.Resources.GetValueOrDefault(r.Address)).FirstOrDefault();
            var version = decision.Generate && named is not null
                ? $"{fingerprint}.{SharedSecrets.Recorded(ResourceKind.SpaceliftWebhook, named) ?? "none"}"
                : fingerprint;
            _secrets[ends.Key] = new GroupSecret(value, fingerprint, version, decision);
            if (decision.Generate)
            {
                await run.LogAsync(EngineLogLevel.Info, $"{ends.Key}: {decision.Reason}", cancellationToken);
            }
        }
    }

    /// <summary>
    /// A minted value: minted when <see cref="SecretRenewal"/> says so (never in a preview, where value and
    /// expiry are unknown); otherwise the engine keeps the value and description it stored
    /// (<c>ignoreChanges</c>), which is only safe when its state holds a value, so only a value Pulumi mode
    /// minted itself (<c>by:pulumi</c>) is kept.
    /// </summary>
    /// <remarks>
    /// For an ignored input with no value in state the engine drops the input (pulumi/pulumi
    /// <c>sdk/go/common/resource/properties_path.go</c> <c>PropertyPath.reset</c>), and the provider's Check
    /// then fails on the required <c>secretValue</c>; a <c>pulumi import</c> leaves no value (Port never returns it).
    /// </remarks>
    private async Task RegisterMintedAsync(DesiredResource resource, SecretValue.Minted minted, JsonObject? current, ResourceGraph graph, LiveSnapshot live, CancellationToken cancellationToken)
    {
        var liveDescription = JsonWire.String(current?["description"]);
        var changed = graph.Resources
            .Where(r => minted.RenewedWith.Contains(r.Address) && r.Value is SecretValue.Given)
            .Where(r => live.Resources.TryGetValue(r.Address, out var body)
                && GivenSecrets.ValueChanges(JsonWire.String(body["description"]), FingerprintKey, r.Address.Id, ((SecretValue.Given)r.Value!).Secret))
            .Select(r => r.Address.Id)
            .ToList();
        var reason = SecretRenewal.Reason(
            liveDescription,
            current is not null,
            changed,
            now,
            minted.RenewWithin,
            ownWriter: Writer,
            forcedBy: config.RotateToken ? $"infra:{PulumiStackConfig.RotateTokenKey}" : null);
        var inputs = Render(resource);
        if (reason is null)
        {
            // What is sent is only used if Pulumi has no state for the secret yet.
            inputs["description"] = liveDescription ?? Described(resource);
            await run.RegisterAsync(resource, inputs, Urns(resource), cancellationToken, special: Secret(new Secret("")), ignoreChanges: KeptInputs);
            Expiry(resource.Address, SecretRecord.ReadValidUntil(liveDescription));
            return;
        }

        await run.LogAsync(EngineLogLevel.Info, $"{resource.Address.Id}: {reason}", cancellationToken);
        if (run.DryRun)
        {
            var special = new Dictionary<string, SpecialInput>
            {
                [SecretInputs.ValueInput] = SpecialInput.UnknownSecret,
                ["description"] = SpecialInput.Unknown,
            };
            await run.RegisterAsync(resource, inputs, Urns(resource), cancellationToken, special: special);
            _expiries[resource.Address] = null;
            return;
        }

        var value = await minted.Minter.MintAsync(cancellationToken);
        masker.Add(value.Value.Reveal());
        _mintedNow[resource.Address] = value.ValidUntil;
        inputs["description"] = SecretRecord.WithWriter(SecretRecord.WithValidUntil(Described(resource), value.ValidUntil), Writer);
        await run.RegisterAsync(resource, inputs, Urns(resource), cancellationToken, special: Secret(value.Value));
        Expiry(resource.Address, value.ValidUntil);
    }

    private void Expiry(ResourceAddress address, DateTimeOffset? validUntil) => _expiries[address] = validUntil?.ToString("O") ?? "";

    /// <summary>The stack's outputs the program declares; one about a resource whose step failed or was skipped is unknown.</summary>
    private void Outputs(ResourceGraph graph)
    {
        foreach (var output in graph.Outputs)
        {
            switch (output)
            {
                case ProgramOutput.Text text:
                    run.Outputs[text.Name] = text.Value;
                    break;
                case ProgramOutput.EntityCount count:
                    run.Outputs[count.Name] = _entities.GetValueOrDefault(count.Blueprint);
                    break;
                case ProgramOutput.IdOf id when run.Registered.TryGetValue(id.Address, out var registered):
                    // Port's ids are identifiers, so a create in a preview (no id yet) still reports it; a
                    // failed step's id the engine sent is known, a missing one unknown (as the SDK takes them).
                    if (registered.Id.Length > 0)
                    {
                        run.Outputs[id.Name] = registered.Id;
                    }
                    else
                    {
                        run.Output(id.Name, id.Address.Id, registered);
                    }

                    break;
                case ProgramOutput.ExpiryOf expiry when run.Registered.TryGetValue(expiry.Address, out var minted):
                    if (_expiries.GetValueOrDefault(expiry.Address) is { Length: > 0 } at)
                    {
                        run.Output(expiry.Name, at, minted);
                    }
                    else if (_expiries.TryGetValue(expiry.Address, out var unknown) && unknown is null)
                    {
                        run.SpecialOutputs[expiry.Name] = SpecialInput.Unknown;
                    }

                    break;
            }
        }
    }

    /// <summary>The URNs of the dependencies registered in this run.</summary>
    private IReadOnlyList<string> Urns(DesiredResource resource) => Urns(Dependencies.Of(resource));

    /// <summary>The URNs of those of <paramref name="dependencies"/> registered in this run (for an entity, the entities its relations name too, so Pulumi deletes it before them).</summary>
    private IReadOnlyList<string> Urns(IEnumerable<ResourceAddress> dependencies)
        => [.. dependencies.Distinct().Select(a => run.Registered.GetValueOrDefault(a)?.Urn).OfType<string>()];

    /// <summary>
    /// A live entity kept as it is, as a body the entity renderer takes (Port's nulls, metadata and the values
    /// it computes dropped); null without an identifier.
    /// </summary>
    private static DesiredResource? KeptEntity(EntitySet set, JsonObject live)
    {
        var blueprint = set.Blueprint;
        if (JsonWire.String(live["identifier"]) is not { } identifier)
        {
            return null;
        }

        var properties = new JsonObject();
        foreach (var (name, value) in live["properties"] as JsonObject ?? [])
        {
            if (value is not null && !set.Calculated.Contains(name))
            {
                properties[name] = value.DeepClone();
            }
        }

        var body = new JsonObject { ["identifier"] = identifier, ["properties"] = properties };
        InputShapes.Copy(live, body, "title", "icon", "relations");
        return new DesiredResource(new ResourceAddress(ResourceKind.Entity, identifier, blueprint), body);
    }

    /// <summary>The declared description (with the owner mark), which the executor's own record follows.</summary>
    private static string Described(DesiredResource resource) => JsonWire.String(resource.Body["description"]) ?? "";

    private static Dictionary<string, SpecialInput> Secret(Secret value) => new() { [SecretInputs.ValueInput] = SpecialInput.SecretValue(value) };

    private static JsonObject Render(DesiredResource resource)
        => (ProviderInputs.For(resource.Address.Kind) ?? throw new PulumiModeException($"{resource.Address}: the {resource.Address.Kind} kind has no Pulumi provider inputs renderer"))
            .Render(resource.Body, resource.Address);

    private static EngineLogLevel Level(Severity severity) => severity switch
    {
        Severity.Error => EngineLogLevel.Error,
        Severity.Warning => EngineLogLevel.Warning,
        _ => EngineLogLevel.Info,
    };

    /// <summary>The writer mark Pulumi mode records on a value it minted (<see cref="SecretRecord.WithWriter"/>).</summary>
    public const string Writer = "pulumi";

    /// <summary>The inputs the engine must not diff when a minted value is kept.</summary>
    public static readonly IReadOnlyList<string> KeptInputs = ["secretValue", "description"];

    /// <summary>The named webhook's inputs the engine keeps from its state while both ends hold the shared secret.</summary>
    public static readonly IReadOnlyList<string> KeptWebhookSecret = ["secretWo", "secretWoVersion"];

    /// <summary>A group's shared secret this run: the value, its fingerprint, the named webhook's version of it, and the decision.</summary>
    private sealed record GroupSecret(Secret Value, string Fingerprint, string Version, SharedSecretDecision Decision);
}
