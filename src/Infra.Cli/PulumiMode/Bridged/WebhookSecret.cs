using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// The named webhook's signing secret as the bridged provider takes it: the value (a Pulumi secret, or an
/// unknown secret in a preview that would mint one) and a version string that changes whenever the value does.
/// </summary>
/// <param name="Value">Sent as the write-only <c>secretWo</c>; the provider never reads it back.</param>
/// <param name="Version">
/// Sent as <c>secretWoVersion</c>, the provider's only signal that <c>secretWo</c> changed (the secret's
/// fingerprint serves); null when not known yet, in a preview that would mint the secret.
/// </param>
public sealed record WebhookSecret(SpecialInput Value, string? Version);
