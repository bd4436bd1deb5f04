using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Infra.Model;
using Infra.Port;

namespace Infra.Tests.Engine.Fakes;

/// <summary>
/// A stateful Port: stores what it is sent, answers reads with Port's server-side fields added (meta,
/// <c>blueprint</c> on entities, null icon, empty team), counts every write, and can reject or crash on demand.
/// </summary>
public sealed class InMemoryPortClient : IPortClient
{
    private readonly Dictionary<string, JsonObject> _blueprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Secret Value, string? Description)> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _entities = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int PageSize { get; init; } = 100;

    /// <summary>Every call that changes something (one per entity for bulk calls).</summary>
    public int Writes { get; private set; }

    public int EntitiesUpserted { get; private set; }

    public int EntitiesDeleted { get; private set; }

    /// <summary>Returns Port's message when an entity must be rejected.</summary>
    public Func<JsonObject, string?>? RejectEntity { get; set; }

    /// <summary>Throws after this many entities of an upsert or delete call were applied (a crash mid-batch).</summary>
    public int? CrashAfterEntities { get; set; }

    public IReadOnlyCollection<string> Blueprints => _blueprints.Keys;

    public IReadOnlyCollection<string> Actions => _actions.Keys;

    public IReadOnlyCollection<string> Secrets => _secrets.Keys;

    public IReadOnlyCollection<string> EntityIds(string blueprint) => _entities.TryGetValue(blueprint, out var e) ? e.Keys : [];

    public JsonObject? Entity(string blueprint, string id) => _entities.GetValueOrDefault(blueprint)?.GetValueOrDefault(id);

    public JsonObject? Action(string id) => _actions.GetValueOrDefault(id);

    public string? SecretValue(string name) => _secrets.TryGetValue(name, out var s) ? s.Value.Reveal() : null;

    public string? SecretDescription(string name) => _secrets.TryGetValue(name, out var s) ? s.Description : null;

    /// <summary>Changes a secret the way Port's UI or the guide's automation would.</summary>
    public void SetSecretOutOfBand(string name, string value, string? description) => _secrets[name] = (new Secret(value), description);

    public Task<JsonObject?> GetBlueprintAsync(string identifier, CancellationToken cancellationToken)
        => Task.FromResult(_blueprints.TryGetValue(identifier, out var b) ? WithMeta(b) : null);

    public Task CreateBlueprintAsync(JsonObject blueprint, CancellationToken cancellationToken)
    {
        var id = blueprint["identifier"]!.GetValue<string>();
        Write();
        if (_blueprints.ContainsKey(id))
        {
            throw new PortApiException(HttpStatusCode.Conflict, "identifier_taken", $"POST /v1/blueprints: blueprint {id} exists");
        }

        _blueprints[id] = blueprint.DeepClone().AsObject();
        _entities.TryAdd(id, new Dictionary<string, JsonObject>(StringComparer.Ordinal));
        return Task.CompletedTask;
    }

    public Task ReplaceBlueprintAsync(string identifier, JsonObject blueprint, CancellationToken cancellationToken)
    {
        Write();
        Required(_blueprints, identifier);
        _blueprints[identifier] = blueprint.DeepClone().AsObject();
        return Task.CompletedTask;
    }

    public Task DeleteBlueprintAsync(string identifier, CancellationToken cancellationToken)
    {
        Write();
        Required(_blueprints, identifier);
        if (_entities.TryGetValue(identifier, out var entities) && entities.Count > 0)
        {
            throw new PortApiException(HttpStatusCode.Forbidden, "has_dependents", $"DELETE /v1/blueprints/{identifier}: blueprint has {entities.Count} entities");
        }

        _blueprints.Remove(identifier);
        _entities.Remove(identifier);
        return Task.CompletedTask;
    }

    public Task<JsonObject?> GetActionAsync(string identifier, CancellationToken cancellationToken)
        => Task.FromResult(_actions.TryGetValue(identifier, out var a) ? WithMeta(a) : null);

    public Task CreateActionAsync(JsonObject action, CancellationToken cancellationToken)
    {
        Write();
        var id = action["identifier"]!.GetValue<string>();
        if (!_actions.TryAdd(id, action.DeepClone().AsObject()))
        {
            throw new PortApiException(HttpStatusCode.Conflict, "identifier_taken", $"POST /v1/actions: action {id} exists");
        }

        return Task.CompletedTask;
    }

    public Task ReplaceActionAsync(string identifier, JsonObject action, CancellationToken cancellationToken)
    {
        Write();
        Required(_actions, identifier);
        _actions[identifier] = action.DeepClone().AsObject();
        return Task.CompletedTask;
    }

    public Task DeleteActionAsync(string identifier, CancellationToken cancellationToken)
    {
        Write();
        Required(_actions, identifier);
        _actions.Remove(identifier);
        return Task.CompletedTask;
    }

    /// <summary>Stores an action exactly as given (what a UI edit does), without counting a write.</summary>
    public void PutActionOutOfBand(string identifier, JsonObject action) => _actions[identifier] = action;

    public Task<JsonObject?> GetSecretAsync(string secretName, CancellationToken cancellationToken)
        => Task.FromResult(_secrets.TryGetValue(secretName, out var s)
            ? WithMeta(new JsonObject { ["secretName"] = secretName, ["description"] = s.Description })
            : null);

    public Task CreateSecretAsync(string secretName, Secret value, string? description, CancellationToken cancellationToken)
    {
        Write();
        if (!_secrets.TryAdd(secretName, (value, description)))
        {
            throw new PortApiException(HttpStatusCode.Conflict, "identifier_taken", $"POST /v1/organization/secrets: {secretName} exists");
        }

        return Task.CompletedTask;
    }

    public Task UpdateSecretAsync(string secretName, Secret? value, string? description, CancellationToken cancellationToken)
    {
        Write();
        if (!_secrets.TryGetValue(secretName, out var current))
        {
            throw NotFound("secret", secretName);
        }

        _secrets[secretName] = (value ?? current.Value, description ?? current.Description);
        return Task.CompletedTask;
    }

    public Task DeleteSecretAsync(string secretName, CancellationToken cancellationToken)
    {
        Write();
        if (!_secrets.Remove(secretName))
        {
            throw NotFound("secret", secretName);
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
                    store[id] = entity.DeepClone().AsObject();
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

    private static JsonObject WithMeta(JsonObject stored, string? blueprint = null)
    {
        var copy = stored.DeepClone().AsObject();
        copy["createdAt"] = "2026-11-01T10:00:00.000Z";
        copy["createdBy"] = "someone@example.com";
        copy["updatedAt"] = "2026-11-02T10:00:00.000Z";
        copy["updatedBy"] = "someone@example.com";
        if (blueprint is not null)
        {
            copy["blueprint"] = blueprint;
            copy["team"] = new JsonArray();
            copy["icon"] = null;
        }

        return copy;
    }

    private static JsonObject? Required(Dictionary<string, JsonObject> store, string id)
        => store.TryGetValue(id, out var found) ? found : throw NotFound("resource", id);

    private static PortApiException NotFound(string what, string id)
        => new(HttpStatusCode.NotFound, "not_found", $"A {what} with the provided identifier '{id}' was not found");
}
