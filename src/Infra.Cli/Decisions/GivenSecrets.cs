using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// What both executors record for a <see cref="SecretValue.Given"/> value, and when it counts as changed:
/// Port never returns the value, so its description carries a keyed fingerprint of it, and only a
/// fingerprint that differs is a new value. A description that differs otherwise (an adopted secret whose
/// owner mark is added) is a description change, not a new value.
/// </summary>
public static class GivenSecrets
{
    /// <summary>The description Port should hold: the declared one, then the value's fingerprint.</summary>
    public static string Described(string declared, Secret fingerprintKey, string name, Secret value)
        => SecretRecord.WithFingerprint(declared, SecretRecord.Fingerprint(fingerprintKey, name, value));

    /// <summary>Whether the value Port holds differs from <paramref name="value"/> (or cannot be told apart from a different one).</summary>
    public static bool ValueChanges(string? liveDescription, Secret fingerprintKey, string name, Secret value)
        => SecretRecord.ReadFingerprint(liveDescription) != SecretRecord.Fingerprint(fingerprintKey, name, value);
}
