using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Cli.Spacelift;

/// <summary>The part of Spacelift's GraphQL API the executors and the program use.</summary>
public interface ISpaceliftClient
{
    /// <summary>
    /// Proves the API key: exchanges it for a JWT unless a fresh one is held already (listing then uses
    /// it). Throws <see cref="SpaceliftAuthenticationException"/> when Spacelift refuses the key.
    /// </summary>
    Task ProveKeyAsync(CancellationToken cancellationToken);

    /// <summary>Exchanges the API key for a JWT (<c>apiKeyUser</c>).</summary>
    Task<SpaceliftToken> MintTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every stack, one page of <c>searchStacks</c> at a time, to the last page. Throws
    /// <see cref="SpaceliftException"/> when a page fails or the answer is not trustworthy
    /// (GraphQL errors, unauthenticated empty data), so a partial read is never taken as complete.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<SpaceliftStack>> ListStacksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A resource of a Spacelift kind (<see cref="SpaceliftDocuments"/>) in its input shape (objects
    /// <c>{id}</c> flattened to the id), or null when Spacelift has none with that id. Throws
    /// <see cref="SpaceliftException"/> when the answer cannot be trusted, so "absent" is never a guess.
    /// </summary>
    Task<JsonObject?> GetResourceAsync(ResourceKind kind, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Every resource of a Spacelift kind, in the shape <see cref="GetResourceAsync"/> gives, read to the last page.
    /// Throws <see cref="SpaceliftException"/> when a page fails, so a partial list is never taken for the whole.
    /// </summary>
    Task<IReadOnlyList<JsonObject>> ListResourcesAsync(ResourceKind kind, CancellationToken cancellationToken);

    /// <summary>Creates the resource; <paramref name="secret"/> is its write-only secret, if any. Returns Spacelift's id.</summary>
    Task<string> CreateResourceAsync(ResourceKind kind, JsonObject input, Secret? secret, CancellationToken cancellationToken);

    /// <summary>Updates the resource; without <paramref name="secret"/> the input leaves it out and Spacelift keeps the one it has.</summary>
    Task UpdateResourceAsync(ResourceKind kind, string id, JsonObject input, Secret? secret, CancellationToken cancellationToken);

    Task DeleteResourceAsync(ResourceKind kind, string id, CancellationToken cancellationToken);
}
