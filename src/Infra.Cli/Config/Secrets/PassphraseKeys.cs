using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Infra.Cli.Config.Secrets;

/// <summary>
/// PBKDF2-HMAC-SHA256 with 1,000,000 iterations and a 32-byte output, as Pulumi derives the passphrase
/// key. One derivation costs about a second, so keys are cached per (salt, passphrase) for the life of
/// the process, as Pulumi caches its secrets manager. The cache holds a hash of the passphrase, not the
/// passphrase.
/// </summary>
public static class PassphraseKeys
{
    public const int Iterations = 1_000_000;
    public const int KeySize = 32;
    public const int SaltSize = 8;

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Cache = new(StringComparer.Ordinal);

    public static byte[] Derive(string passphrase, byte[] salt)
    {
        var passphraseBytes = Encoding.UTF8.GetBytes(passphrase);
        var cacheKey = Convert.ToBase64String(salt) + ":" + Convert.ToHexString(SHA256.HashData(passphraseBytes));
        return Cache.GetOrAdd(
            cacheKey,
            _ => new Lazy<byte[]>(() => Rfc2898DeriveBytes.Pbkdf2(passphraseBytes, salt, Iterations, HashAlgorithmName.SHA256, KeySize))).Value;
    }
}
