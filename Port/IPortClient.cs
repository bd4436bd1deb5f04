using System.Text.Json.Nodes;
using Infra.Model;

namespace Infra.Port;

/// <summary>
/// The part of Port's REST API the engine uses. Reads return <c>null</c> for 404 (absent is not a
/// failure); every other error is a <see cref="PortApiException"/> carrying Port's own message.
/// </summary>
public interface IPortClient
{
    Task<JsonObject?> GetBlueprintAsync(string identifier, CancellationToken cancellationToken);
    Task CreateBlueprintAsync(JsonObject blueprint, CancellationToken cancellationToken);
    Task ReplaceBlueprintAsync(string identifier, JsonObject blueprint, CancellationToken cancellationToken);
    Task DeleteBlueprintAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>Self-service actions and automations both live under <c>/v1/actions</c>.</summary>
    Task<JsonObject?> GetActionAsync(string identifier, CancellationToken cancellationToken);
    Task CreateActionAsync(JsonObject action, CancellationToken cancellationToken);
    Task ReplaceActionAsync(string identifier, JsonObject action, CancellationToken cancellationToken);
    Task DeleteActionAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>Secret metadata (name, description, meta); Port never returns the value.</summary>
    Task<JsonObject?> GetSecretAsync(string secretName, CancellationToken cancellationToken);
    Task CreateSecretAsync(string secretName, Secret value, string? description, CancellationToken cancellationToken);
    Task UpdateSecretAsync(string secretName, Secret? value, string? description, CancellationToken cancellationToken);
    Task DeleteSecretAsync(string secretName, CancellationToken cancellationToken);

    /// <summary>Every entity of a blueprint, one page of the blueprint-scoped search at a time.</summary>
    IAsyncEnumerable<IReadOnlyList<JsonObject>> ListEntitiesAsync(string blueprint, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts (replace, not merge) any number of entities through the bulk endpoint: batches of at most
    /// 20 entities and 1 MiB, several batches in flight at once. One rejected entity does not stop the
    /// others; each entity gets a result. <paramref name="progress"/> receives each result as it lands.
    /// </summary>
    Task<IReadOnlyList<EntityWriteResult>> UpsertEntitiesAsync(
        string blueprint,
        IReadOnlyList<JsonObject> entities,
        IProgress<EntityWriteResult>? progress,
        CancellationToken cancellationToken);

    /// <summary>Deletes entities (bulk delete, batches of at most 100), reporting each result.</summary>
    Task<IReadOnlyList<EntityWriteResult>> DeleteEntitiesAsync(
        string blueprint,
        IReadOnlyList<string> identifiers,
        IProgress<EntityWriteResult>? progress,
        CancellationToken cancellationToken);
}
