using Infra.Cli.Config;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Spacelift refused the API key, or the token it minted for it. The message shows the key id (an
/// identifier, not a secret) and names the settings to check by key and environment variable.
/// </summary>
public sealed class SpaceliftAuthenticationException : SpaceliftException
{
    private SpaceliftAuthenticationException(string message) : base(message) { }

    public override int ExitCode => Diagnostics.ExitCodes.Authentication;

    internal static SpaceliftAuthenticationException UnknownKey(string apiKeyId) =>
        new($"Spacelift has no API key {apiKeyId} (apiKeyUser is null): check {KnownKey.SpaceliftKeyId.Names}, then {KnownKey.SpaceliftKeySecret.Names}");

    // Spacelift does not say whether the id or the secret is wrong; a typo in the secret is the likelier.
    internal static SpaceliftAuthenticationException Refused(string apiKeyId, string spaceliftText) =>
        new($"Spacelift refused API key {apiKeyId} ({spaceliftText}): check {KnownKey.SpaceliftKeySecret.Names}, then {KnownKey.SpaceliftKeyId.Names}");

    internal static SpaceliftAuthenticationException TokenRejected(string operation, string apiKeyId) =>
        new($"Spacelift {operation}: Spacelift did not accept a freshly minted token for API key {apiKeyId} (viewer is null): check {KnownKey.SpaceliftKeyId.Names} and that the key is still active");
}
