using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Spacelift;

namespace Infra.Tests.Engine.Fakes;

/// <summary>
/// The fake's Spacelift resources (named webhooks, policies), held in the client's contract shape
/// (input fields, <c>space</c> flattened to its id), with the write-only secrets kept apart, every
/// write counted, and an injectable read failure.
/// </summary>
public sealed partial class FakeSpaceliftClient
{
    private readonly Dictionary<(ResourceKind Kind, string Id), JsonObject> _resources = [];
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Every write, as <c>create|update|delete Kind id</c>, in order.</summary>
    public List<string> Writes { get; } = [];

    /// <summary>When set, reading any Spacelift resource throws <see cref="SpaceliftException"/> with this text.</summary>
    public string? FailResourceReads { get; set; }

    /// <summary>The update inputs as sent (to check that a kept secret is left out).</summary>
    public List<JsonObject> UpdateInputs { get; } = [];

    public JsonObject? Resource(ResourceKind kind, string id) => _resources.GetValueOrDefault((kind, id))?.DeepClone().AsObject();

    public string? SecretOf(string id) => _secrets.GetValueOrDefault(id);

    /// <summary>Puts a resource in place as if someone else had made it (no write counted).</summary>
    public void Seed(ResourceKind kind, JsonObject body, string? secret = null)
    {
        var id = body[kind.IdentifierField]!.GetValue<string>();
        var copy = body.DeepClone().AsObject();
        copy["id"] = id;
        _resources[(kind, id)] = copy;
        if (secret is not null)
        {
            _secrets[id] = secret;
        }
    }

    public Task<JsonObject?> GetResourceAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (FailResourceReads is { } failure)
        {
            throw new SpaceliftException(failure);
        }

        return Task.FromResult(Resource(kind, id));
    }

    public Task<IReadOnlyList<JsonObject>> ListResourcesAsync(ResourceKind kind, CancellationToken cancellationToken)
    {
        if (FailResourceReads is { } failure)
        {
            throw new SpaceliftException(failure);
        }

        IReadOnlyList<JsonObject> all = [.. _resources.Where(r => r.Key.Kind == kind).Select(r => r.Value.DeepClone().AsObject())];
        return Task.FromResult(all);
    }

    public Task<string> CreateResourceAsync(ResourceKind kind, JsonObject input, Secret? secret, CancellationToken cancellationToken)
    {
        var id = input[kind.IdentifierField]!.GetValue<string>();
        if (_resources.ContainsKey((kind, id)))
        {
            throw new SpaceliftException($"{kind} '{id}' already exists");
        }

        Writes.Add($"create {kind} {id}");
        Seed(kind, Without(input, "secret"), secret?.Reveal());
        return Task.FromResult(id);
    }

    public Task UpdateResourceAsync(ResourceKind kind, string id, JsonObject input, Secret? secret, CancellationToken cancellationToken)
    {
        if (!_resources.ContainsKey((kind, id)))
        {
            throw new SpaceliftException($"{kind} '{id}' not found");
        }

        Writes.Add($"update {kind} {id}");
        UpdateInputs.Add(input.DeepClone().AsObject());
        var kept = _resources[(kind, id)];
        var next = Without(input, "secret");
        foreach (var field in SpaceliftDocuments.For(kind).NotUpdatable)
        {
            next[field] = kept[field]?.DeepClone();
        }

        Seed(kind, next, secret?.Reveal());
        return Task.CompletedTask;
    }

    public Task DeleteResourceAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        Writes.Add($"delete {kind} {id}");
        _resources.Remove((kind, id));
        _secrets.Remove(id);
        return Task.CompletedTask;
    }

    private static JsonObject Without(JsonObject body, string field)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }
}
