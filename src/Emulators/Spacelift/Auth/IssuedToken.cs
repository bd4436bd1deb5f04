namespace Emulators.Spacelift.Auth;

/// <summary>A JWT the emulator handed out from <c>apiKeyUser</c>.</summary>
public sealed record IssuedToken(string Jwt, string Jti, string KeyId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
