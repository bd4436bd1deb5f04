using Infra.Sdk;

namespace Infra.Tests.Sdk;

public sealed class SecretRecordTests
{
    private static readonly Secret Key = new("port-client-secret");

    [Fact]
    public void TheFingerprintIsStable22UrlSafeCharacters()
    {
        var a = SecretRecord.Fingerprint(Key, "S", new Secret("value"));

        Assert.Equal(a, SecretRecord.Fingerprint(Key, "S", new Secret("value")));
        Assert.Matches("^[A-Za-z0-9_-]{22}$", a);
    }

    [Theory]
    [InlineData("other-key", "S", "value")]
    [InlineData("port-client-secret", "T", "value")]
    [InlineData("port-client-secret", "S", "value2")]
    public void TheFingerprintDependsOnKeyNameAndValue(string key, string name, string value)
        => Assert.NotEqual(SecretRecord.Fingerprint(Key, "S", new Secret("value")), SecretRecord.Fingerprint(new Secret(key), name, new Secret(value)));

    [Fact]
    public void FingerprintAndExpiryRoundTripThroughTheDescription()
    {
        var fp = SecretRecord.Fingerprint(Key, "S", new Secret("v"));
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(fp, SecretRecord.ReadFingerprint(SecretRecord.WithFingerprint("Managed by infra", fp)));
        Assert.Equal(at, SecretRecord.ReadValidUntil(SecretRecord.WithValidUntil("Managed by infra", at)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Refreshed Spacelift API token")]
    [InlineData("Managed by infra · fp:short")]
    [InlineData("Managed by infra · validUntil:tomorrow")]
    public void UnreadableDescriptionsGiveNothing(string? description)
    {
        Assert.Null(SecretRecord.ReadFingerprint(description));
        Assert.Null(SecretRecord.ReadValidUntil(description));
    }
}
