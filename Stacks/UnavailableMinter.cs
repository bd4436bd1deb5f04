using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>The token minter of inputs built without a Spacelift account (golden files, unit tests): declaring never mints.</summary>
internal sealed class UnavailableMinter : ISecretMinter
{
    public static UnavailableMinter Instance { get; } = new();

    public Task<MintedSecret> MintAsync(CancellationToken cancellationToken)
        => throw new InvalidOperationException("these inputs were built without a Spacelift account to mint a token from");
}
