using Infra.Cli.Engine.Planning;
using Infra.Cli.Engine;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// What to register for SPACELIFT_TOKEN. The rule is the standalone engine's (<see cref="TokenRotation"/>):
/// mint when there is no token in Port, when its recorded <c>validUntil</c> is missing, past or inside
/// the rotation window, or when the API key changes. Otherwise the engine is told to keep its stored
/// value and description (<c>ignoreChanges</c>), so the token the guide's automation refreshed in Port is
/// not overwritten. A preview never mints: the value and description are then unknown.
/// </summary>
/// <remarks>
/// Keeping is only safe when Pulumi's state holds the value: for an ignored input with no value in state
/// the engine drops the input (pulumi/pulumi <c>sdk/go/common/resource/properties_path.go</c>
/// <c>PropertyPath.reset</c>), and the provider's Check then fails on the required <c>secretValue</c>. A
/// <c>pulumi import</c> leaves no value (Port never returns it). So only a token Pulumi mode minted itself
/// (its description says <c>by:pulumi</c>) is kept; one written by the standalone engine, by hand or by
/// the guide's automation is re-minted once.
/// </remarks>
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
                : TokenRotation.DueReason(exists, liveDescription, now, window)
                    ?? (SecretDescription.ReadWriter(liveDescription) == Writer
                        ? null
                        : "last written outside Pulumi mode (the standalone engine, by hand or the guide's automation), so Pulumi's state may hold no value: will re-mint");
        return new TokenDecision(reason, reason is not null);
    }

    /// <summary>
    /// The description a freshly minted token carries: the declared one (with the owner mark) and the
    /// standalone engine's record after it, so both engines read it the same way, then <c>by:pulumi</c>.
    /// </summary>
    public static string MintedDescription(string declared, DateTimeOffset validUntil)
        => SecretDescription.WithWriter(SecretDescription.WithValidUntil(declared, validUntil), Writer);

    /// <summary>The writer mark Pulumi mode adds to the token it mints.</summary>
    public const string Writer = "pulumi";

    public static DateTimeOffset? RecordedValidUntil(string? description) => SecretDescription.ReadValidUntil(description);

    /// <summary>The managed description of a key secret: the declared one followed by the keyed fingerprint, as the standalone engine writes it.</summary>
    public static string KeyDescription(string declared, Secret fingerprintKey, string name, Secret value)
        => SecretDescription.WithFingerprint(declared, SecretDescription.Fingerprint(fingerprintKey, name, value));

    public static bool FingerprintMatches(string? liveDescription, string expectedDescription)
        => SecretDescription.ReadFingerprint(liveDescription) == SecretDescription.ReadFingerprint(expectedDescription);
}
