using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Emulators.Tokens;

/// <summary>Compact HS256 JWTs, as both emulated services issue them.</summary>
internal static class Hs256Jwt
{
    public static string Sign(byte[] key, JsonObject payload)
    {
        var unsigned = $"{Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" })}.{Encode(payload)}";
        return $"{unsigned}.{WebEncoders.Base64UrlEncode(Signature(key, unsigned))}";
    }

    /// <summary>The payload when <paramref name="jwt"/> is well formed and signed with <paramref name="key"/>; null otherwise.</summary>
    public static JsonNode? Verify(byte[] key, string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Signature(key, parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]))
                ? JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1]))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Encode(JsonObject json) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(json));

    private static byte[] Signature(byte[] key, string unsigned) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned));
}
