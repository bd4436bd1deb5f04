namespace Infra.Sdk;

/// <summary>Mints a secret value that expires (a Spacelift JWT from an API key), for <see cref="SecretValue.Minted"/>.</summary>
public interface ISecretMinter
{
    /// <summary>A new value and the time it stops being valid, as its issuer says.</summary>
    Task<MintedSecret> MintAsync(CancellationToken cancellationToken);
}
