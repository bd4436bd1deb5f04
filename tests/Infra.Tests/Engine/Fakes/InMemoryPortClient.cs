using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Port;

namespace Infra.Tests.Engine.Fakes;

/// <summary>
/// A stateful Port, generic over the kinds' descriptors: stores what it is sent, answers reads with Port's server-side fields added (meta,
/// <c>blueprint</c> on entities, null icon, empty team), counts every write, and can reject or crash on demand.
/// </summary>
public sealed class InMemoryPortClient : IPortClient
{
    // One store per REST collection, as in Port: actions and automations share /v1/actions.
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Secret> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _entities = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int PageSize { get; init; } = 100;

    /// <summary>Every call that changes something (one per entity for bulk calls).</summary>
    public int Writes { get; private set; }

    public int EntitiesUpserted { get; private set; }

    public int EntitiesDeleted { get; private set; }

    /// <summary>Returns Port's message when an entity must be rejected.</summary>
    public Func<JsonObject, string?>? RejectEntity { get; set; }

    /// <summary>Who Port records as the author of this client's writes (the fixture's client id).</summary>
    public string Author { get; set; } = "client-id";

    /// <summary>Throws after this many entities of an upsert or delete call were applied (a crash mid-batch).</summary>
    public int? CrashAfterEntities { get; set; }

    public IReadOnlyCollection<string> Blueprints => Store(ResourceKind.Blueprint).Keys;

    public IReadOnlyCollection<string> Actions => Store(ResourceKind.Action).Keys;

    public IReadOnlyCollection<string> Secrets => Store(ResourceKind.Secret).Keys;

    public IReadOnlyCollection<string> EntityIds(string blueprint) => _entities.TryGetValue(blueprint, out var e) ? e.Keys : [];

    public JsonObject? Entity(string blueprint, string id) => _entities.GetValueOrDefault(blueprint)?.GetValueOrDefault(id);

    public JsonObject? Action(string id) => Store(ResourceKind.Action).GetValueOrDefault(id);

    public string? SecretValue(string name) => _values.TryGetValue(name, out var s) ? s.Reveal() : null;

    public string? SecretDescription(string name) => JsonWire(Store(ResourceKind.Secret).GetValueOrDefault(name)?["description"]);

    /// <summary>Changes a secret the way Port's UI or the guide's automation would.</summary>
    public void SetSecretOutOfBand(string name, string value, string? description)
    {
        Store(ResourceKind.Secret)[name] = new JsonObject { ["secretName"] = name, ["description"] = description };
        _values[name] = new Secret(value);
    }

    /// <summary>Stores an action exactly as given (what a UI edit does), without counting a write.</summary>
    public void PutActionOutOfBand(string identifier, JsonObject action) => Store(ResourceKind.Action)[identifier] = action;

    public Task<JsonObject?> GetAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken)
        => Task.FromResult(Store(kind).TryGetValue(identifier, out var stored) ? WithMeta(stored) : null);

    public Task CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        Write();
        var id = body[kind.IdentifierField]!.GetValue<string>();
        if (!Store(kind).TryAdd(id, WithServerFields(kind, id, Readable(kind, body), null)))
        {
            throw new PortApiException(HttpStatusCode.Conflict, "identifier_taken", $"POST /{PortRoutes.For(kind).Collection}: {kind} {id} exists");
        }

        Remember(kind, id, value);
        if (kind == ResourceKind.Blueprint)
        {
            _entities.TryAdd(id, new Dictionary<string, JsonObject>(StringComparer.Ordinal));
        }

        if (PortRoutes.For(kind).Collection == PortRoutes.For(ResourceKind.Action).Collection)
        {
            // Port gives every new action its default permissions.
            Store(ResourceKind.ActionPermissions)[id] = DefaultPermissions();
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(ResourceKind kind, string identifier, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        Write();
        var store = Store(kind);
        if (!store.TryGetValue(identifier, out var current))
        {
            throw NotFound(PortRoutes.For(kind).EnvelopeKey, identifier);
        }

        if (PortRoutes.For(kind).UpdateMethod == HttpMethod.Patch)
        {
            // PATCH: only the fields sent change.
            var merged = current.DeepClone().AsObject();
            foreach (var (key, node) in body)
            {
                merged[key] = node?.DeepClone();
            }

            store[identifier] = merged;
        }
        else
        {
            store[identifier] = WithServerFields(kind, identifier, Readable(kind, body), current);
        }

        Remember(kind, identifier, value);
        return Task.CompletedTask;
    }

    /// <summary>Every PATCH, as <c>Kind id: field, field</c>, in order (to check what an update left out).</summary>
    public List<string> Patches { get; } = [];

    public Task PatchAsync(ResourceKind kind, string identifier, JsonObject body, CancellationToken cancellationToken)
    {
        Write();
        var store = Store(kind);
        if (!store.TryGetValue(identifier, out var current))
        {
            throw NotFound(PortRoutes.For(kind).EnvelopeKey, identifier);
        }

        // Only the fields sent change (Port's PATCH); the identifier is not sent.
        Patches.Add($"{kind} {identifier}: {string.Join(", ", body.Select(p => p.Key).Where(k => k != kind.IdentifierField))}");
        var merged = current.DeepClone().AsObject();
        foreach (var (key, node) in body)
        {
            merged[key] = node?.DeepClone();
        }

        store[identifier] = merged;
        return Task.CompletedTask;
    }

    /// <summary>Port's teams, name → identifier: the <c>_team</c> entities the global search finds.</summary>
    public Dictionary<string, string> Teams { get; } = new(StringComparer.Ordinal);

    /// <summary>The global search, for the one query the program sends: a <c>_team</c> by <c>$title</c>.</summary>
    public Task<IReadOnlyList<JsonObject>> SearchEntitiesAsync(JsonObject query, IReadOnlyList<string> include, CancellationToken cancellationToken)
    {
        var rules = query["rules"]!.AsArray().Select(r => (Property: r!["property"]!.GetValue<string>(), Value: r["value"]!.GetValue<string>())).ToList();
        if (rules is not [("$blueprint", "_team"), ("$title", var name)])
        {
            throw new NotSupportedException("the in-memory Port searches only _team by $title");
        }

        IReadOnlyList<JsonObject> found = Teams.TryGetValue(name, out var identifier) ? [new JsonObject { ["identifier"] = identifier }] : [];
        return Task.FromResult(found);
    }

    public Task DeleteAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken)
    {
        Write();
        var store = Store(kind);
        if (!store.ContainsKey(identifier))
        {
            throw NotFound(PortRoutes.For(kind).EnvelopeKey, identifier);
        }

        if (_entities.TryGetValue(identifier, out var entities) && kind == ResourceKind.Blueprint && entities.Count > 0)
        {
            throw new PortApiException(HttpStatusCode.Forbidden, "has_dependents", $"DELETE /v1/blueprints/{identifier}: blueprint has {entities.Count} entities");
        }

        store.Remove(identifier);
        _values.Remove(identifier);
        if (PortRoutes.For(kind).Collection == PortRoutes.For(ResourceKind.Action).Collection)
        {
            Store(ResourceKind.ActionPermissions).Remove(identifier);
        }

        if (kind == ResourceKind.Blueprint)
        {
            _entities.Remove(identifier);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> ListEntitiesAsync(string blueprint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (!_entities.TryGetValue(blueprint, out var entities))
        {
            throw NotFound("blueprint", blueprint);
        }

        foreach (var page in entities.Values.Select(e => WithMeta(e, blueprint)).Chunk(PageSize).ToList())
        {
            yield return page;
        }
    }

    public Task<IReadOnlyList<EntityWriteResult>> UpsertEntitiesAsync(
        string blueprint,
        IReadOnlyList<JsonObject> entities,
        IProgress<EntityWriteResult>? progress,
        CancellationToken cancellationToken)
    {
        var results = new List<EntityWriteResult>();
        foreach (var entity in entities)
        {
            CrashIfDue(results.Count);
            var id = entity["identifier"]!.GetValue<string>();
            EntityWriteResult result;
            lock (_gate)
            {
                Writes++;
                var rejection = RejectEntity?.Invoke(entity);
                if (!_entities.TryGetValue(blueprint, out var store))
                {
                    result = new EntityWriteResult(id, false, 404, "not_found", $"blueprint {blueprint} was not found");
                }
                else if (rejection is not null)
                {
                    result = new EntityWriteResult(id, false, 422, "blueprint_schema_mismatch", rejection);
                }
                else
                {
                    var written = entity.DeepClone().AsObject();
                    written["createdBy"] = store.GetValueOrDefault(id)?["createdBy"]?.DeepClone() ?? Author;
                    written["updatedBy"] = Author;
                    store[id] = written;
                    EntitiesUpserted++;
                    result = new EntityWriteResult(id, true, 200);
                }
            }

            progress?.Report(result);
            results.Add(result);
        }

        return Task.FromResult<IReadOnlyList<EntityWriteResult>>(results);
    }

    public Task<IReadOnlyList<EntityWriteResult>> DeleteEntitiesAsync(
        string blueprint,
        IReadOnlyList<string> identifiers,
        IProgress<EntityWriteResult>? progress,
        CancellationToken cancellationToken)
    {
        var results = new List<EntityWriteResult>();
        foreach (var id in identifiers)
        {
            CrashIfDue(results.Count);
            Writes++;
            var removed = _entities.TryGetValue(blueprint, out var store) && store.Remove(id);
            EntitiesDeleted += removed ? 1 : 0;
            var result = removed ? new EntityWriteResult(id, true, 200) : new EntityWriteResult(id, false, 404, "not_found", $"entity {id} was not found");
            progress?.Report(result);
            results.Add(result);
        }

        return Task.FromResult<IReadOnlyList<EntityWriteResult>>(results);
    }

    /// <summary>Adds an entity directly (as another tool would), without counting a write.</summary>
    public void SeedEntity(string blueprint, JsonObject entity)
    {
        if (!_entities.TryGetValue(blueprint, out var store))
        {
            _entities[blueprint] = store = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        store[entity["identifier"]!.GetValue<string>()] = entity;
    }

    private void CrashIfDue(int done)
    {
        if (CrashAfterEntities is { } limit && done >= limit)
        {
            CrashAfterEntities = null;
            throw new InvalidOperationException("simulated crash in the middle of a batch");
        }
    }

    private void Write() => Writes++;

    /// <summary>What Port answers for a new action's permissions: everyone in the organisation may execute.</summary>
    public static JsonObject DefaultPermissions() => JsonNode.Parse(
        """{"execute":{"users":[],"roles":["Admin","Member"],"teams":[],"ownedByTeam":false,"policy":null},"approve":{"users":[],"roles":[],"teams":[],"policy":null}}""")!.AsObject();

    private Dictionary<string, JsonObject> Store(ResourceKind kind)
    {
        var collection = PortRoutes.For(kind).Collection;
        // A part of a resource (an action's permissions) is a store of its own, keyed like its resource.
        collection = PortRoutes.For(kind).ItemSuffix is { } suffix ? collection + "/*/" + suffix : collection;
        if (!_collections.TryGetValue(collection, out var store))
        {
            _collections[collection] = store = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        return store;
    }

    /// <summary>
    /// The fields the kind's descriptor says Port makes up (a webhook's <c>url</c> and <c>webhookKey</c>),
    /// filled in on create and kept by a PUT, as Port does.
    /// </summary>
    private static JsonObject WithServerFields(ResourceKind kind, string id, JsonObject body, JsonObject? current)
    {
        foreach (var field in kind.ServerFields.Where(f => !body.ContainsKey(f)))
        {
            body[field] = current?[field]?.DeepClone() ?? (field == "url" ? $"https://ingest.port.test/{id}-key" : $"{field}-{id}");
        }

        return body;
    }

    /// <summary>The stored body of any collection kind, as Port holds it (nothing stripped), or null.</summary>
    public JsonObject? Stored(ResourceKind kind, string id) => Store(kind).GetValueOrDefault(id)?.DeepClone().AsObject();

    /// <summary>Stores a body as given (another tool's write), without counting a write.</summary>
    public void PutOutOfBand(ResourceKind kind, string id, JsonObject body) => Store(kind)[id] = body.DeepClone().AsObject();

    /// <summary>What a read may return: the body without the write-only value.</summary>
    private static JsonObject Readable(ResourceKind kind, JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        if (kind.WriteOnlyValueField is { } field)
        {
            copy.Remove(field);
        }

        return copy;
    }

    private void Remember(ResourceKind kind, string id, Secret? value)
    {
        if (kind.HasWriteOnlyValue && value is not null)
        {
            _values[id] = value;
        }
    }

    private static string? JsonWire(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private JsonObject WithMeta(JsonObject stored, string? blueprint = null)
    {
        var copy = stored.DeepClone().AsObject();
        copy["createdAt"] = "2026-11-01T10:00:00.000Z";
        copy["updatedAt"] = "2026-11-02T10:00:00.000Z";

        // Port records who wrote each entity; an entity seeded without authors was written by an earlier run.
        copy["createdBy"] ??= Author;
        copy["updatedBy"] ??= Author;
        if (blueprint is not null)
        {
            copy["blueprint"] = blueprint;
            // Port answers an entity without a team with an empty list.
            copy["team"] = stored["team"]?.DeepClone() ?? new JsonArray();
            copy["icon"] ??= null;
        }

        return copy;
    }

    private static PortApiException NotFound(string what, string id)
        => new(HttpStatusCode.NotFound, "not_found", $"A {what} with the provided identifier '{id}' was not found");
}
