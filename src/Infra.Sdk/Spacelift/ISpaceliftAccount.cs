namespace Infra.Sdk.Spacelift;

/// <summary>
/// The Spacelift account the executor's Spacelift client is configured for, as a program sees it: where it
/// is, the API key it authenticates with, what the program may read from it, and a minter of its JWTs.
/// </summary>
public interface ISpaceliftAccount
{
    /// <summary>The account's base URL (<c>https://acme.app.spacelift.io/</c>), always ending in '/'.</summary>
    Uri Url { get; }

    /// <summary>The API key's id: an identifier, shown in messages.</summary>
    string ApiKeyId { get; }

    Secret ApiKeySecret { get; }

    /// <summary>Mints a JWT from the API key (Spacelift's <c>apiKeyUser</c>), with the expiry Spacelift gives.</summary>
    ISecretMinter TokenMinter { get; }

    /// <summary>
    /// Every stack, read to the last page. A refused API key is thrown; any other failure ends the read
    /// and is returned in <see cref="SpaceliftRead{T}.Read"/> with the stacks read until then.
    /// </summary>
    Task<SpaceliftRead<SpaceliftStack>> ReadStacksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every space of the account (one request). A refused API key is thrown; any other failure is returned in
    /// <see cref="SpaceliftRead{T}.Read"/> with no spaces.
    /// </summary>
    Task<SpaceliftRead<SpaceliftSpace>> ReadSpacesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The latest <paramref name="tracked"/> tracked runs of each of <paramref name="stackIds"/> (one request per
    /// stack and page, a bounded number in flight). A refused API key is thrown; a stack whose runs could not be
    /// read is named in <see cref="SpaceliftRunHistory.Failures"/> and the others are still read.
    /// </summary>
    Task<SpaceliftRunHistory> ReadRunsAsync(IReadOnlyList<string> stackIds, int tracked, CancellationToken cancellationToken);
}
