using Infra.Cli.Engine.Contract;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.Engine;

namespace Infra.Tests.Parity;

/// <summary>
/// Decisions the standalone engine must make the way Pulumi mode makes them (one shared function each):
/// the drifts a review found between the two executors, as the standalone engine shows them.
/// </summary>
public sealed class StandaloneParityTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 2);

    public void Dispose() => _f.Dispose();

    /// <summary>
    /// Adopting (or re-describing) a key secret whose value Port already holds is a description change,
    /// not a new API key: the token is re-minted only when a key's fingerprint differs, as Pulumi mode decides.
    /// </summary>
    [Fact]
    public async Task A_description_only_change_of_a_key_secret_does_not_re_mint_the_token()
    {
        // Given a fresh token, and a key secret whose description lost its owner mark but kept its fingerprint
        await _f.RunAsync();
        var name = ResourceNames.Guide.ApiKeySecretSecret;
        var described = _f.Port.SecretDescription(name)!;
        _f.Port.SetSecretOutOfBand(name, EngineFixture.ApiKeySecret, described.Replace(" \u00b7 owner:infra/dev", "", StringComparison.Ordinal));

        // When
        var plan = await _f.PreviewAsync();

        // Then the key secret's description is restored, and the token stays
        Assert.Equal(ChangeKind.Update, plan.Change(ResourceKind.Secret, name).Kind);
        var token = plan.Change(ResourceKind.Secret, ResourceNames.Guide.TokenSecret);
        Assert.True(token.Kind == ChangeKind.Same, token.Reason);
    }

    /// <summary>A changed key value still re-mints: the token was minted from the old key.</summary>
    [Fact]
    public async Task A_changed_key_value_re_mints_the_token()
    {
        await _f.RunAsync();
        _f.Port.SetSecretOutOfBand(ResourceNames.Guide.ApiKeySecretSecret, "an-older-secret", "Managed by infra \u00b7 owner:infra/dev \u00b7 fp:AAAAAAAAAAAAAAAAAAAAAA");

        var plan = await _f.PreviewAsync();

        var token = plan.Change(ResourceKind.Secret, ResourceNames.Guide.TokenSecret);
        Assert.Equal(ChangeKind.Update, token.Kind);
        Assert.Contains("the value it is minted from changes (SPACELIFT_API_KEY_SECRET)", token.Reason, StringComparison.Ordinal);
    }
}
