using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Emulators.Tokens;

namespace Emulators.Spacelift.Auth;

/// <summary>
/// API keys and the JWTs exchanged for them. Tokens are real HS256 JWTs signed with a key made for this
/// emulator instance; their claims follow what clients parse without verifying: exactly one <c>aud</c>
/// (the emulator's base URL, from which clients derive the endpoint), <c>exp</c>/<c>iat</c>/<c>nbf</c>
/// in Unix seconds, <c>iss: "api-key"</c>, <c>sub</c>, and a ULID <c>jti</c>.
/// </summary>
public sealed class TokenService
{
    public const string Issuer = "api-key";

    private readonly ConcurrentDictionary<string, string> _secretsByKeyId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _admins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;
    private long _lifetimeTicks;

    public TokenService(TimeProvider time, TimeSpan lifetime)
    {
        _time = time;
        Lifetime = lifetime;
    }

    /// <summary>Lifetime of tokens issued from now on; tests shorten it at run time.</summary>
    public TimeSpan Lifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _lifetimeTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _lifetimeTicks, value.Ticks);
        }
    }

    /// <summary>The emulator's base URL (no <c>/graphql</c>), the single <c>aud</c> of every token.</summary>
    public Uri Audience { get; set; } = new("http://127.0.0.1/");

    public IReadOnlyList<IssuedToken> Issued => _issued.Values.OrderBy(t => t.IssuedAt).ToArray();

    /// <param name="admin">Whether the key is a root-space admin key, which managing webhooks and policies needs.</param>
    public void AddApiKey(string keyId, string secret, bool admin = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secretsByKeyId[keyId] = secret;
        if (admin)
        {
            _admins[keyId] = true;
        }
        else
        {
            _admins.TryRemove(keyId, out _);
        }
    }

    public bool IsAdmin(string keyId) => _admins.ContainsKey(keyId);

    public bool RemoveApiKey(string keyId) => _secretsByKeyId.TryRemove(keyId, out _);

    /// <summary>
    /// Revokes an API key, as deleting it in Spacelift would: <c>apiKeyUser</c> then answers <c>null</c> for it,
    /// as for any unknown key. What becomes of the tokens it already gave is not documented (Spacelift's pages
    /// on API keys say who may delete one, not what that does to its sessions), so the caller chooses:
    /// <paramref name="endIssuedTokens"/> true ends them now, false lets them run to their <c>exp</c>.
    /// </summary>
    /// <returns>False when no such key was known.</returns>
    public bool RevokeApiKey(string keyId, bool endIssuedTokens)
    {
        var removed = _secretsByKeyId.TryRemove(keyId, out _);
        _admins.TryRemove(keyId, out _);
        if (endIssuedTokens)
        {
            var now = _time.GetUtcNow();
            foreach (var token in _issued.Values.Where(t => t.KeyId == keyId && t.ExpiresAt > now))
            {
                _issued.TryUpdate(token.Jti, token with { ExpiresAt = now }, token);
            }
        }

        return removed;
    }

    /// <summary>
    /// <c>apiKeyUser</c>: a token for a known key and its secret; null for an unknown key id;
    /// <see cref="WrongSecretException"/> for a known id with another secret.
    /// </summary>
    public IssuedToken? Exchange(string keyId, string secret)
    {
        if (!_secretsByKeyId.TryGetValue(keyId, out var expected))
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret)))
        {
            throw new WrongSecretException();
        }

        var now = _time.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = issuedAt + Lifetime;
        var jti = Ulid.New(now);
        var payload = new JsonObject
        {
            ["aud"] = new JsonArray(Audience.GetLeftPart(UriPartial.Authority)),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["iss"] = Issuer,
            ["sub"] = "api::" + keyId,
            ["jti"] = jti,
        };
        var token = new IssuedToken(Sign(payload), jti, keyId, issuedAt, expiresAt);
        _issued[jti] = token;
        return token;
    }

    /// <summary>The caller behind an <c>Authorization</c> header, or null when it is missing, garbage, forged or expired.</summary>
    public Caller? Authenticate(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var jwt = authorization[scheme.Length..].Trim();
        var jti = VerifiedJti(jwt);
        if (jti is null || !_issued.TryGetValue(jti, out var token) || token.Jwt != jwt)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        return now >= token.IssuedAt && now < token.ExpiresAt ? new Caller(token.KeyId, jwt, token.ExpiresAt) : null;
    }

    /// <summary>Makes every token issued so far expire now (tests of token refresh).</summary>
    public void ExpireAll()
    {
        var now = _time.GetUtcNow();
        foreach (var token in _issued.Values)
        {
            _issued.TryUpdate(token.Jti, token with { ExpiresAt = now }, token);
        }
    }

    private string Sign(JsonObject payload) => Hs256Jwt.Sign(_signingKey, payload);

    private string? VerifiedJti(string jwt)
    {
        try
        {
            return Hs256Jwt.Verify(_signingKey, jwt)?["jti"]?.GetValue<string>();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
