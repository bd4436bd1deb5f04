using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <param name="Desired">The declared resource (secret value included); null for deletions.</param>
/// <param name="MintToken">Mint a Spacelift JWT and write it as the secret's value.</param>
/// <param name="Blueprint">For entities: the blueprint they belong to.</param>
/// <param name="SharedSecret">For the live-update webhooks: mint or keep their shared secret.</param>
internal sealed record StepIntent(DesiredResource? Desired, bool MintToken = false, string? Blueprint = null, SharedSecretIntent? SharedSecret = null);
