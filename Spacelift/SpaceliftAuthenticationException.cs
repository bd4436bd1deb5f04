namespace Infra.Spacelift;

/// <summary>Spacelift refused the API key, or the token it minted for it. The message names the settings to check.</summary>
public sealed class SpaceliftAuthenticationException : SpaceliftException
{
    private const string Settings =
        "check spacelift:apiKeyId [SPACELIFT_API_KEY_ID] and spacelift:apiKeySecret [SPACELIFT_API_KEY_SECRET]";

    private SpaceliftAuthenticationException(string message) : base(message) { }

    public override int ExitCode => Diagnostics.ExitCodes.Authentication;

    internal static SpaceliftAuthenticationException UnknownKey(string apiKeyId) =>
        new($"Spacelift apiKeyUser: no API key user for '{apiKeyId}' (spacelift:apiKeyId [SPACELIFT_API_KEY_ID]); {Settings}");

    internal static SpaceliftAuthenticationException Refused(string apiKeyId, string spaceliftText) =>
        new($"Spacelift apiKeyUser: Spacelift refused API key '{apiKeyId}': {spaceliftText}; {Settings}");

    internal static SpaceliftAuthenticationException TokenRejected(string operation, string apiKeyId) =>
        new($"Spacelift {operation}: Spacelift did not accept a freshly minted token for API key '{apiKeyId}' (viewer is null); {Settings}");
}
