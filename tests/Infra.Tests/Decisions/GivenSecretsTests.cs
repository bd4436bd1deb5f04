using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>A given secret's record and when its value counts as changed: by fingerprint alone.</summary>
public sealed class GivenSecretsTests
{
    private static readonly Secret Key = new("port-client-secret");
    private static readonly Secret Value = new("api-key-secret");

    [Fact]
    public void TheRecordIsTheDeclaredDescriptionAndTheFingerprint()
    {
        var described = GivenSecrets.Described("Managed by infra · owner:infra/dev", Key, "S", Value);

        Assert.Equal($"Managed by infra · owner:infra/dev · fp:{SecretRecord.Fingerprint(Key, "S", Value)}", described);
    }

    [Fact]
    public void ADescriptionThatDiffersWithTheSameFingerprintIsNoNewValue()
    {
        var unmarked = GivenSecrets.Described("Managed by infra", Key, "S", Value);

        Assert.False(GivenSecrets.ValueChanges(unmarked, Key, "S", Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Managed by infra")]
    [InlineData("Managed by infra · fp:AAAAAAAAAAAAAAAAAAAAAA")]
    public void AMissingOrOtherFingerprintIsANewValue(string? live)
        => Assert.True(GivenSecrets.ValueChanges(live, Key, "S", Value));
}
