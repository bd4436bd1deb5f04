using System.Security.Cryptography;

namespace Infra.Cli.Config.Secrets;

/// <summary>
/// The passphrase secrets of one stack file. The passphrase is read and checked against
/// <c>encryptionsalt</c> only when a value first needs it, so a stack with no <c>secure:</c> values
/// (the demo) or whose secrets all come from the environment (CI) needs no passphrase.
/// </summary>
internal sealed class StackSecrets(string stackFile, string? encryptionSalt, IReadOnlyDictionary<string, string?> environment)
{
    private PassphraseCrypter? _crypter;

    /// <summary>The new <c>encryptionsalt</c> when <see cref="Encrypt"/> had to create one; null otherwise.</summary>
    public string? CreatedSalt { get; private set; }

    /// <param name="what">Names the value in errors, e.g. <c>configuration key 'port:secret' (env PORT_CLIENT_SECRET)</c>.</param>
    public string Decrypt(string what, string ciphertext)
    {
        if (string.IsNullOrEmpty(encryptionSalt))
        {
            throw new ConfigException(
                $"{stackFile}: {what} is a secure value but the file has no 'encryptionsalt' to decrypt it with");
        }

        var crypter = Unlock(encryptionSalt);
        try
        {
            return crypter.Decrypt(ciphertext);
        }
        catch (CryptographicException e)
        {
            throw new ConfigException($"{stackFile}: failed to decrypt {what}: {e.Message}", e);
        }
    }

    public string Encrypt(string plaintext)
    {
        if (_crypter is null && string.IsNullOrEmpty(encryptionSalt))
        {
            (CreatedSalt, _crypter) = EncryptionSalt.Create(PassphraseSource.Read(environment, stackFile));
        }

        return (_crypter ?? Unlock(encryptionSalt!)).Encrypt(plaintext);
    }

    private PassphraseCrypter Unlock(string salt)
    {
        if (_crypter is not null)
        {
            return _crypter;
        }

        var passphrase = PassphraseSource.Read(environment, stackFile);
        try
        {
            return _crypter = EncryptionSalt.Unlock(salt, passphrase);
        }
        catch (CryptographicException e) when (e.Message == "incorrect passphrase")
        {
            throw new ConfigException(
                $"{stackFile}: incorrect passphrase, please set {PassphraseSource.Variable} to the correct passphrase or set {PassphraseSource.FileVariable} to a file containing the passphrase", e);
        }
        catch (CryptographicException e)
        {
            throw new ConfigException($"{stackFile}: 'encryptionsalt' is malformed: {e.Message}", e);
        }
    }
}
