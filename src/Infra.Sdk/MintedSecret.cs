namespace Infra.Sdk;

/// <summary>A value <see cref="ISecretMinter"/> minted, and when its issuer says it expires.</summary>
public sealed record MintedSecret(Secret Value, DateTimeOffset ValidUntil);
