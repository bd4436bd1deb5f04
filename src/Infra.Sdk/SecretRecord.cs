using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
namespace Infra.Sdk;

/// <summary>
/// Port never returns a secret's value, so what an executor needs to know about it lives in the
/// secret's own description, after the owner mark and separated like it: a keyed fingerprint of the
/// value (<c>fp:</c>), or for a minted value its expiry (<c>validUntil:</c>) and which executor wrote it
/// (<c>by:</c>). That keeps state in Port, so a fresh clone (or an ephemeral CI runner) plans the same.
/// The only parser and formatter of the record: executors write and read it, and a program whose Port
/// automation renews a value writes the expiry with <see cref="ValidUntilTemplate"/>.
/// </summary>
public static partial class SecretRecord
{
    public const int FingerprintLength = 22;

    public const string ValidUntilPrefix = "validUntil:";

    /// <summary>The expiry's format: UTC to the second, exactly what jq's <c>todate</c> prints.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private const string Separator = OwnerMark.Separator;

    /// <summary>
    /// The expiry segment as a Port template: <paramref name="unixSeconds"/> is a jq path to the issuer's
    /// <c>validUntil</c> in Unix seconds, so a value an automation renewed reads back as one this program wrote.
    /// </summary>
    public static string ValidUntilTemplate(string unixSeconds) => Separator + ValidUntilPrefix + "{{ " + unixSeconds + " | todate }}";

    /// <summary>
    /// HMAC-SHA256 keyed with the Port client secret over name and value, base64url, first 22 characters
    /// (132 bits). Keyed, so the description does not let anyone test guesses of the value.
    /// </summary>
    public static string Fingerprint(Secret key, string name, Secret value)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Reveal()), Encoding.UTF8.GetBytes(name + "\0" + value.Reveal()));
        return Base64Url.EncodeToString(mac)[..FingerprintLength];
    }

    public static string WithFingerprint(string description, string fingerprint) => description + Separator + "fp:" + fingerprint;

    public static string WithValidUntil(string description, DateTimeOffset validUntil)
        => description + Separator + ValidUntilPrefix + validUntil.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Which engine wrote the value: <c>by:pulumi</c> for Pulumi mode (the standalone engine writes none).</summary>
    public static string WithWriter(string description, string writer) => description + Separator + "by:" + writer;

    public static string? ReadWriter(string? description)
    {
        var match = description is null ? null : WriterPattern().Match(description);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    public static string? ReadFingerprint(string? description)
    {
        var match = description is null ? null : FingerprintPattern().Match(description);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    public static DateTimeOffset? ReadValidUntil(string? description)
    {
        var match = description is null ? null : ValidUntilPattern().Match(description);
        return match is { Success: true }
            && DateTimeOffset.TryParseExact(match.Groups[1].Value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }

    [GeneratedRegex(@"(?:^|\s)fp:([A-Za-z0-9_-]{22})(?:\s|$)")]
    private static partial Regex FingerprintPattern();

    [GeneratedRegex(@"(?:^|\s)by:(\S+)")]
    private static partial Regex WriterPattern();

    [GeneratedRegex(@"(?:^|\s)validUntil:(\S+)")]
    private static partial Regex ValidUntilPattern();
}
