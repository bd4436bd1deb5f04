using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Port;

namespace Infra.Tests.Engine.Fakes;

/// <summary>Forwards everything to another client; tests override the one call they want to break.</summary>
public abstract class DelegatingPort(IPortClient inner) : IPortClient
{
    public virtual Task<JsonObject?> GetAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken) => inner.GetAsync(kind, identifier, cancellationToken);

    public virtual Task CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken) => inner.CreateAsync(kind, body, value, cancellationToken);

    public virtual Task UpdateAsync(ResourceKind kind, string identifier, JsonObject body, Secret? value, CancellationToken cancellationToken) => inner.UpdateAsync(kind, identifier, body, value, cancellationToken);

    public virtual Task DeleteAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken) => inner.DeleteAsync(kind, identifier, cancellationToken);

    public virtual Task PatchAsync(ResourceKind kind, string identifier, JsonObject body, CancellationToken cancellationToken) => inner.PatchAsync(kind, identifier, body, cancellationToken);

    public virtual Task<IReadOnlyList<JsonObject>> SearchEntitiesAsync(JsonObject query, IReadOnlyList<string> include, CancellationToken cancellationToken) => inner.SearchEntitiesAsync(query, include, cancellationToken);

    public virtual IAsyncEnumerable<IReadOnlyList<JsonObject>> ListEntitiesAsync(string blueprint, CancellationToken cancellationToken) => inner.ListEntitiesAsync(blueprint, cancellationToken);

    public virtual Task<IReadOnlyList<EntityWriteResult>> UpsertEntitiesAsync(string blueprint, IReadOnlyList<JsonObject> entities, IProgress<EntityWriteResult>? progress, CancellationToken cancellationToken)
        => inner.UpsertEntitiesAsync(blueprint, entities, progress, cancellationToken);

    public virtual Task<IReadOnlyList<EntityWriteResult>> DeleteEntitiesAsync(string blueprint, IReadOnlyList<string> identifiers, IProgress<EntityWriteResult>? progress, CancellationToken cancellationToken)
        => inner.DeleteEntitiesAsync(blueprint, identifiers, progress, cancellationToken);
}
