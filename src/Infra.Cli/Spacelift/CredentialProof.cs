using Infra.Cli.Config;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Proves a credential before the run may write anything. Port's is proven by the reads every plan
/// makes first (its token request is refused before any write); Spacelift's key is only used at apply
/// time, to mint the token Port keeps, so it is exchanged for a JWT here: a wrong key secret would
/// otherwise be written into Port and break the integration it deploys.
/// </summary>
internal static class CredentialProof
{
    /// <summary>
    /// Exchanges the key for a JWT (which the stack listing then uses). A refused key keeps its
    /// <see cref="SpaceliftAuthenticationException"/>; an answer that is not Spacelift's becomes
    /// <see cref="SpaceliftEndpointException"/>; no answer at all stays a failure of its own.
    /// </summary>
    public static async Task ProveSpaceliftAsync(ISpaceliftClient spacelift, SpaceliftSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await spacelift.ProveKeyAsync(cancellationToken);
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException and not SpaceliftUnreachableException)
        {
            throw new SpaceliftEndpointException(settings.Endpoint, e.Message, e);
        }
    }
}
