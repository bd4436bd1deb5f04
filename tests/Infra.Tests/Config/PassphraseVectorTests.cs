using System.Security.Cryptography;
using Infra.Cli.Config.Secrets;

namespace Infra.Tests.Config;

public sealed class PassphraseVectorTests
{
    [Fact]
    public void VectorACorrectPassphraseUnlocksTheSaltAndDerivesPulumisKey()
    {
        var crypter = EncryptionSalt.Unlock(Vectors.SaltA, Vectors.PassphraseA);

        Assert.Equal("pulumi", crypter.Decrypt("v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ=="));
        Assert.Equal(Vectors.KeyA, Convert.ToHexStringLower(PassphraseKeys.Derive(Vectors.PassphraseA, Convert.FromBase64String("fozI5u6B030="))));
    }

    [Fact]
    public void VectorAWrongPassphraseIsIncorrect()
    {
        var error = Assert.Throws<CryptographicException>(() => EncryptionSalt.Unlock(Vectors.SaltA, "password123"));

        Assert.Equal("incorrect passphrase", error.Message);
    }

    [Fact]
    public void VectorAMalformedStateIsAnError()
    {
        var error = Assert.Throws<CryptographicException>(() => EncryptionSalt.Unlock(Vectors.MalformedSaltA, Vectors.PassphraseA));

        Assert.Equal("unknown salt version", error.Message);
    }

    [Fact]
    public void VectorAEncryptingWithTheStoredNonceReproducesTheStoredCheckValue()
    {
        var crypter = new PassphraseCrypter(Convert.FromHexString(Vectors.KeyA));

        var ciphertext = crypter.Encrypt("pulumi", Convert.FromBase64String("F+6ZduKKd8G0/V7L"));

        Assert.Equal("v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==", ciphertext);
    }

    [Fact]
    public void VectorBDecryptsFooDToSecretValue()
    {
        var crypter = EncryptionSalt.Unlock(Vectors.SaltB, Vectors.PassphraseB);

        Assert.Equal(Vectors.SecretBClear, crypter.Decrypt(Vectors.SecretB));
        Assert.Equal(Vectors.KeyB, Convert.ToHexStringLower(PassphraseKeys.Derive(Vectors.PassphraseB, Convert.FromBase64String("ThS5UPxP9qc="))));
    }

    [Fact]
    public void DerivedKeysAreCachedPerSaltAndPassphrase()
    {
        var salt = Convert.FromBase64String("ThS5UPxP9qc=");

        Assert.Same(PassphraseKeys.Derive(Vectors.PassphraseB, salt), PassphraseKeys.Derive(Vectors.PassphraseB, salt));
    }

    [Fact]
    public void VectorBEncryptingWithTheStoredNonceReproducesTheStoredSecret()
    {
        var crypter = new PassphraseCrypter(Convert.FromHexString(Vectors.KeyB));

        Assert.Equal(Vectors.SecretB, crypter.Encrypt(Vectors.SecretBClear, Convert.FromBase64String("T1ftqhY0hqr+EJK6")));
    }

    [Fact]
    public void FreshEncryptionsUseFreshNoncesAndDecryptBack()
    {
        var crypter = new PassphraseCrypter(Convert.FromHexString(Vectors.KeyB));

        var first = crypter.Encrypt("hello");
        var second = crypter.Encrypt("hello");

        Assert.NotEqual(first, second);
        Assert.Equal("hello", crypter.Decrypt(first));
        Assert.Equal(16, Convert.FromBase64String(first.Split(':')[2]).Length - "hello".Length);
    }

    [Theory]
    [InlineData("v1:only-two", "bad value")]
    [InlineData("v2:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==", "unknown value version")]
    [InlineData("v1:AAAA:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==", "bad value: nonce size is incorrect")]
    [InlineData("v1:T1ftqhY0hqr+EJK6:not base64!", "bad value")]
    [InlineData("v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72HA==", "incorrect passphrase")]
    public void MalformedCiphertextsGivePulumisErrors(string ciphertext, string message)
    {
        var crypter = new PassphraseCrypter(Convert.FromHexString(Vectors.KeyB));

        var error = Assert.Throws<CryptographicException>(() => crypter.Decrypt(ciphertext));

        Assert.Equal(message, error.Message);
    }
}
