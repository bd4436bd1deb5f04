using System.Security.Cryptography;

namespace Infra.Cli.Config.Secrets;

/// <summary>
/// The passphrase provider's state, the stack file's <c>encryptionsalt</c>:
/// <c>v1:base64(8-byte salt):</c> followed by the encryption of the check value <c>pulumi</c>.
/// </summary>
public static class EncryptionSalt
{
    private const string CheckValue = "pulumi";

    /// <summary>A fresh salt for a stack that has none, and the crypter that goes with it.</summary>
    public static (string State, PassphraseCrypter Crypter) Create(string passphrase)
    {
        var salt = RandomNumberGenerator.GetBytes(PassphraseKeys.SaltSize);
        var crypter = new PassphraseCrypter(PassphraseKeys.Derive(passphrase, salt));
        return ($"v1:{Convert.ToBase64String(salt)}:{crypter.Encrypt(CheckValue)}", crypter);
    }

    /// <summary>
    /// Checks <paramref name="passphrase"/> against <paramref name="state"/>. Throws
    /// <see cref="CryptographicException"/>: "malformed state value" or "unknown salt version" for a bad
    /// state, "incorrect passphrase" when the check value does not decrypt to <c>pulumi</c>.
    /// </summary>
    public static PassphraseCrypter Unlock(string state, string passphrase)
    {
        var parts = state.Split(':', 3);
        if (parts.Length != 3)
        {
            throw new CryptographicException("malformed state value");
        }

        if (parts[0] != "v1")
        {
            throw new CryptographicException("unknown salt version");
        }

        byte[] salt;
        try
        {
            salt = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("malformed state value", e);
        }

        var crypter = new PassphraseCrypter(PassphraseKeys.Derive(passphrase, salt));
        string check;
        try
        {
            check = crypter.Decrypt(parts[2]);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException("incorrect passphrase", e);
        }

        return check == CheckValue ? crypter : throw new CryptographicException("incorrect passphrase");
    }
}
