namespace Emulators.Spacelift.Auth;

/// <summary>Who sent a request with a valid bearer token.</summary>
public sealed record Caller(string KeyId, string Token, DateTimeOffset ValidUntil)
{
    /// <summary>How Spacelift names an API key in <c>triggeredBy</c> and the JWT subject.</summary>
    public string Identity => "api::" + KeyId;
}
