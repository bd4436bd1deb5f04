using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What the apply step does with the live-update webhook secret for one resource: mint it (once per
/// run, the same value for both ends) or keep the one there is. <paramref name="Kept"/> is the value
/// to send again when the service needs it in a full replace (Port's PUT); null when the service keeps
/// it by itself (Spacelift, when the input leaves it out). <paramref name="Fingerprint"/> is the kept
/// value's fingerprint; a minted value's is computed at apply time.
/// </summary>
internal sealed record SharedSecretIntent(bool Mint, Secret? Kept, string? Fingerprint);
