using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Port;

/// <summary>
/// The part of Port's REST API the executors use, generic over <see cref="ResourceKind"/>: the kind's
/// route (<see cref="PortRoutes"/>) says where it lives and how it is written. Reads return <c>null</c> for 404 (absent is
/// not a failure); every other error is a <see cref="PortApiException"/> carrying Port's own message.
/// </summary>
public interface IPortClient
{
    /// <summary>The resource as Port holds it; for a secret, its metadata (Port never returns the value).</summary>
    Task<JsonObject?> GetAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken);

    /// <summary>Creates the resource; <paramref name="value"/> is the write-only value of a secret, null for other kinds.</summary>
    Task CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the resource the kind's way (<see cref="PortRoute.UpdateMethod"/>): PUT replaces the
    /// whole body, PATCH sends only the fields in <paramref name="body"/> (and <paramref name="value"/>, if given).
    /// </summary>
    Task UpdateAsync(ResourceKind kind, string identifier, JsonObject body, Secret? value, CancellationToken cancellationToken);

    Task DeleteAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken);

    /// <summary>
    /// Sends only the fields in <paramref name="body"/> (<c>PATCH</c>, whatever the kind's update method), so every
    /// field left out stays as Port has it: how a webhook is changed without being sent the secret Port keeps
    /// (port-docs <c>custom-integration/webhook/webhook.md</c>: "Any key you do not specify will remain unchanged").
    /// </summary>
    Task PatchAsync(ResourceKind kind, string identifier, JsonObject body, CancellationToken cancellationToken);

    /// <summary>
    /// The entities of any blueprint, system blueprints included, that <paramref name="query"/> (<c>{combinator, rules}</c>)
    /// matches, with only the <paramref name="include"/> fields (<c>POST /v1/entities/search?include=…</c>, one page).
    /// </summary>
    Task<IReadOnlyList<JsonObject>> SearchEntitiesAsync(JsonObject query, IReadOnlyList<string> include, CancellationToken cancellationToken);

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
