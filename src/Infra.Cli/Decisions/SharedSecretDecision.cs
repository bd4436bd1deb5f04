namespace Infra.Cli.Decisions;

/// <summary>
/// A group's shared secret this run: <paramref name="Generate"/> a new one (why: <paramref name="Reason"/>),
/// or keep the one whose fingerprint every end records (<paramref name="KeptFingerprint"/>).
/// </summary>
public sealed record SharedSecretDecision(bool Generate, string? KeptFingerprint, string? Reason);
