using System.Text.Json.Nodes;
using Infra.Model;
using Infra.Port;

namespace Infra.Tests.Engine.Fakes;

/// <summary>Forwards everything to another client; tests override the one call they want to break.</summary>
public abstract class DelegatingPort(IPortClient inner) : IPortClient
{
    public virtual Task<JsonObject?> GetBlueprintAsync(string identifier, CancellationToken cancellationToken) => inner.GetBlueprintAsync(identifier, cancellationToken);

    public virtual Task CreateBlueprintAsync(JsonObject blueprint, CancellationToken cancellationToken) => inner.CreateBlueprintAsync(blueprint, cancellationToken);

    public virtual Task ReplaceBlueprintAsync(string identifier, JsonObject blueprint, CancellationToken cancellationToken) => inner.ReplaceBlueprintAsync(identifier, blueprint, cancellationToken);

    public virtual Task DeleteBlueprintAsync(string identifier, CancellationToken cancellationToken) => inner.DeleteBlueprintAsync(identifier, cancellationToken);

    public virtual Task<JsonObject?> GetActionAsync(string identifier, CancellationToken cancellationToken) => inner.GetActionAsync(identifier, cancellationToken);

    public virtual Task CreateActionAsync(JsonObject action, CancellationToken cancellationToken) => inner.CreateActionAsync(action, cancellationToken);

    public virtual Task ReplaceActionAsync(string identifier, JsonObject action, CancellationToken cancellationToken) => inner.ReplaceActionAsync(identifier, action, cancellationToken);

    public virtual Task DeleteActionAsync(string identifier, CancellationToken cancellationToken) => inner.DeleteActionAsync(identifier, cancellationToken);

    public virtual Task<JsonObject?> GetSecretAsync(string secretName, CancellationToken cancellationToken) => inner.GetSecretAsync(secretName, cancellationToken);

    public virtual Task CreateSecretAsync(string secretName, Secret value, string? description, CancellationToken cancellationToken) => inner.CreateSecretAsync(secretName, value, description, cancellationToken);

    public virtual Task UpdateSecretAsync(string secretName, Secret? value, string? description, CancellationToken cancellationToken) => inner.UpdateSecretAsync(secretName, value, description, cancellationToken);

    public virtual Task DeleteSecretAsync(string secretName, CancellationToken cancellationToken) => inner.DeleteSecretAsync(secretName, cancellationToken);

    public virtual IAsyncEnumerable<IReadOnlyList<JsonObject>> ListEntitiesAsync(string blueprint, CancellationToken cancellationToken) => inner.ListEntitiesAsync(blueprint, cancellationToken);

    public virtual Task<IReadOnlyList<EntityWriteResult>> UpsertEntitiesAsync(string blueprint, IReadOnlyList<JsonObject> entities, IProgress<EntityWriteResult>? progress, CancellationToken cancellationToken)
        => inner.UpsertEntitiesAsync(blueprint, entities, progress, cancellationToken);

    public virtual Task<IReadOnlyList<EntityWriteResult>> DeleteEntitiesAsync(string blueprint, IReadOnlyList<string> identifiers, IProgress<EntityWriteResult>? progress, CancellationToken cancellationToken)
        => inner.DeleteEntitiesAsync(blueprint, identifiers, progress, cancellationToken);
}
