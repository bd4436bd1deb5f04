using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Cli.Spacelift;

/// <summary>
/// The Spacelift account a stack's configuration names, as its program sees it. Reading proves the API key
/// first: a refused key ends the run before anything is planned, let alone written, so a wrong key secret
/// is never copied into Port; any other failure while reading is returned with what was read until then.
/// </summary>
public sealed class SpaceliftAccount(ISpaceliftClient spacelift, SpaceliftSettings settings) : ISpaceliftAccount
{
    public Uri Url => settings.Endpoint;

    public string ApiKeyId => settings.ApiKeyId;

    public Secret ApiKeySecret => settings.ApiKeySecret;

    public ISecretMinter TokenMinter { get; } = new JwtMinter(spacelift);

    public async Task<SpaceliftRead<SpaceliftStack>> ReadStacksAsync(CancellationToken cancellationToken)
    {
        await CredentialProof.ProveSpaceliftAsync(spacelift, settings, cancellationToken).ConfigureAwait(false);
        var stacks = new List<SpaceliftStack>();
        try
        {
            await foreach (var page in spacelift.ListStacksAsync(cancellationToken).ConfigureAwait(false))
            {
                stacks.AddRange(page);
            }

            return new SpaceliftRead<SpaceliftStack>(stacks, new DataRead("Spacelift", "stacks", stacks.Count));
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            // A key revoked mid-read is a refused credential like any other; a read cut short otherwise
            // only keeps the run's hands off what depends on it.
            return new SpaceliftRead<SpaceliftStack>(stacks, new DataRead("Spacelift", "stacks", stacks.Count, e.Message));
        }
    }

    private sealed class JwtMinter(ISpaceliftClient spacelift) : ISecretMinter
    {
        public async Task<MintedSecret> MintAsync(CancellationToken cancellationToken)
        {
            var token = await spacelift.MintTokenAsync(cancellationToken).ConfigureAwait(false);
            return new MintedSecret(token.Jwt, token.ValidUntil);
        }
    }
}
