using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Emulators.Port.Webhooks;

/// <summary>
/// A webhook's <c>security</c> check: when <c>secret</c> is set, the header named <c>signatureHeaderName</c>
/// (looked up case-insensitively) must equal <c>signaturePrefix</c> + the lowercase hex HMAC of the raw body
/// bytes (<c>sha1</c> or <c>sha256</c>; <c>sha256</c> when unset), or the secret itself for <c>plain</c>.
/// Compared in constant time.
/// </summary>
internal static class SignatureCheck
{
    /// <returns>Null when the event may be processed; otherwise why not.</returns>
    public static string? Problem(JsonObject webhook, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        if (webhook["security"] is not JsonObject security || security["secret"]?.GetValue<string>() is not { Length: > 0 } secret)
        {
            return null;
        }

        var headerName = security["signatureHeaderName"]?.GetValue<string>();
        if (string.IsNullOrEmpty(headerName))
        {
            return "signature mismatch: the webhook has a secret but no signatureHeaderName";
        }

        if (!headers.TryGetValue(headerName.ToLowerInvariant(), out var given))
        {
            return $"signature mismatch: header '{headerName}' is missing";
        }

        var prefix = security["signaturePrefix"]?.GetValue<string>() ?? string.Empty;
        var key = Encoding.UTF8.GetBytes(secret);
        var digest = (security["signatureAlgorithm"]?.GetValue<string>() ?? "sha256") switch
        {
            "sha1" => Convert.ToHexStringLower(HMACSHA1.HashData(key, body)),
            "plain" => secret,
            _ => Convert.ToHexStringLower(HMACSHA256.HashData(key, body)),
        };
        var expected = Encoding.UTF8.GetBytes(prefix + digest);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(given))
            ? null
            : $"signature mismatch: header '{headerName}' does not match the body";
    }
}
