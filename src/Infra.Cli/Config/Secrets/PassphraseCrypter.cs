using System.Security.Cryptography;
using System.Text;

namespace Infra.Cli.Config.Secrets;

/// <summary>
/// Encrypts and decrypts config values exactly as Pulumi's passphrase provider does:
/// AES-256-GCM, a 12-byte random nonce, no associated data, the 16-byte tag appended to the
/// ciphertext, written as <c>v1:base64(nonce):base64(ciphertext‖tag)</c>.
/// </summary>
public sealed class PassphraseCrypter
{
    public const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="key">The 32-byte key from <see cref="PassphraseKeys.Derive"/>.</param>
    public PassphraseCrypter(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != PassphraseKeys.KeySize)
        {
            throw new ArgumentException($"the key must be {PassphraseKeys.KeySize} bytes", nameof(key));
        }

        _key = key;
    }

    public string Encrypt(string plaintext) => Encrypt(plaintext, RandomNumberGenerator.GetBytes(NonceSize));

    /// <summary>Encrypts with a given nonce; only tests that reproduce Pulumi's stored ciphertexts need this.</summary>
    internal string Encrypt(string plaintext, byte[] nonce)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[clear.Length + TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, clear, blob.AsSpan(0, clear.Length), blob.AsSpan(clear.Length));
        return $"v1:{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(blob)}";
    }

    /// <summary>
    /// Decrypts a <c>v1:nonce:ciphertext</c> value. Throws <see cref="CryptographicException"/> with
    /// Pulumi's wording ("bad value", "unknown value version", "bad value: nonce size is incorrect")
    /// or, when the tag does not match, "incorrect passphrase".
    /// </summary>
    public string Decrypt(string ciphertext)
    {
        var parts = ciphertext.Split(':');
        if (parts.Length != 3)
        {
            throw new CryptographicException("bad value");
        }

        if (parts[0] != "v1")
        {
            throw new CryptographicException("unknown value version");
        }

        var nonce = FromBase64(parts[1]);
        if (nonce.Length != NonceSize)
        {
            throw new CryptographicException("bad value: nonce size is incorrect");
        }

        var blob = FromBase64(parts[2]);
        if (blob.Length < TagSize)
        {
            throw new CryptographicException("bad value");
        }

        var clear = new byte[blob.Length - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(nonce, blob.AsSpan(0, clear.Length), blob.AsSpan(clear.Length), clear);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException("incorrect passphrase", e);
        }

        return Encoding.UTF8.GetString(clear);
    }

    private static byte[] FromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("bad value", e);
        }
    }
}
