using Infra.Model;

namespace Infra.Spacelift;

/// <summary>The part of Spacelift's GraphQL API the engine uses.</summary>
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
}
