using Infra.Engine;
using Infra.Model;
using Infra.Stacks;

namespace Infra.PulumiMode;

/// <summary>
/// What to register for SPACELIFT_TOKEN. The rule is the standalone engine's (<see cref="TokenRotation"/>):
/// mint when there is no token in Port, when its recorded <c>validUntil</c> is missing, past or inside
/// the rotation window, or when the API key changes. Otherwise the engine is told to keep its stored
/// value and description (<c>ignoreChanges</c>), so the token the guide's automation refreshed in Port is
/// not overwritten. A preview never mints: the value and description are then unknown.
/// </summary>
public sealed record TokenDecision(string? Reason, bool Mint)
{
    /// <summary>The inputs the engine must not diff when the token is kept.</summary>
    public static readonly IReadOnlyList<string> KeptInputs = ["secretValue", "description"];

    public static TokenDecision Decide(bool exists, string? liveDescription, bool keyChanging, bool forced, DateTimeOffset now, TimeSpan window)
    {
        var reason = forced
            ? "rotation was asked for (infra:rotateSpaceliftToken)"
            : keyChanging && exists
                ? "the API key changes: will re-mint"
                : TokenRotation.DueReason(exists, liveDescription, now, window);
        return new TokenDecision(reason, reason is not null);
    }

    /// <summary>The description a freshly minted token carries: the standalone engine's record, so both engines read it.</summary>
    public static string MintedDescription(DateTimeOffset validUntil)
        => SecretRecord.WithValidUntil(ResourceNames.ManagedSecretDescription, validUntil);

    public static DateTimeOffset? RecordedValidUntil(string? description) => SecretRecord.ReadValidUntil(description);

    /// <summary>The managed description of a key secret: the keyed fingerprint the standalone engine writes.</summary>
    public static string KeyDescription(Secret fingerprintKey, string name, Secret value)
        => SecretRecord.WithFingerprint(ResourceNames.ManagedSecretDescription, SecretRecord.Fingerprint(fingerprintKey, name, value));

    public static bool FingerprintMatches(string? liveDescription, string expectedDescription)
        => SecretRecord.ReadFingerprint(liveDescription) == SecretRecord.ReadFingerprint(expectedDescription);
}
