using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Tokens;

namespace Emulators.Port.Auth;

/// <summary>
/// Issues Port-shaped JWT access tokens. Port keeps one active token per credential pair and hands the
/// same one out again until it expires, so this does too.
/// </summary>
internal sealed class TokenIssuer(PortEmulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiryByToken = new(StringComparer.Ordinal);
    private string? _current;

    public bool CredentialsMatch(string clientId, string clientSecret)
        => FixedTimeEquals(clientId, options.ClientId) && FixedTimeEquals(clientSecret, options.ClientSecret);

    /// <summary>The active token and its remaining lifetime, issuing a new one once the last expired.</summary>
    public (string Token, TimeSpan ExpiresIn) Issue()
    {
        var now = options.Time.GetUtcNow();
        lock (_gate)
        {
            if (_current is null || _expiryByToken[_current] <= now)
            {
                _expiryByToken.Clear();
                _current = CreateJwt(now);
                _expiryByToken[_current] = now + options.TokenLifetime;
            }

            return (_current, _expiryByToken[_current] - now);
        }
    }

    public bool IsValid(string token)
    {
        var now = options.Time.GetUtcNow();
        lock (_gate)
        {
            return _expiryByToken.TryGetValue(token, out var expiry) && expiry > now;
        }
    }

    private string CreateJwt(DateTimeOffset now)
    {
        var payload = new JsonObject
        {
            ["orgId"] = options.OrganizationId,
            ["clientId"] = options.ClientId,
            ["isMachine"] = true,
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + options.TokenLifetime).ToUnixTimeSeconds(),
        };
        return Hs256Jwt.Sign(Encoding.UTF8.GetBytes(options.ClientSecret), payload);
    }

    private static bool FixedTimeEquals(string left, string right)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(left)), SHA256.HashData(Encoding.UTF8.GetBytes(right)));
}
