namespace Infra.Sdk;

/// <summary>Where a secret's write-only value comes from.</summary>
public abstract record SecretValue
{
    private SecretValue()
    {
    }

    /// <summary>
    /// A value the program knows (an API key). Port never gives it back, so the executor records a keyed
    /// fingerprint of it and writes it again only when the fingerprint in Port differs.
    /// </summary>
    public sealed record Given(Secret Secret) : SecretValue;

    /// <summary>
    /// A value the executor mints when it applies (a JWT), never in a preview. It is minted again when the
    /// expiry recorded with it comes within <paramref name="RenewWithin"/>, and when one of the
    /// <paramref name="RenewedWith"/> secrets (the key it is minted from) gets a new value.
    /// </summary>
    public sealed record Minted(ISecretMinter Minter, TimeSpan RenewWithin, IReadOnlyList<ResourceAddress> RenewedWith) : SecretValue;
}
