using System.Security.Cryptography;
using System.Text;

namespace Emulators.Port.State;

/// <summary>
/// Keeps secret values out of the state file in clear (Port encrypts them at rest too): AES-GCM with a
/// key derived from the organisation's client secret.
/// </summary>
internal sealed class SecretProtector(string clientSecret)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("port-emulator-state:" + clientSecret));

    public string Protect(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    /// <exception cref="CryptographicException">Written with other credentials, or altered.</exception>
    public string Unprotect(string protectedValue)
    {
        var input = Convert.FromBase64String(protectedValue);
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
