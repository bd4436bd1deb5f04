using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What the apply step does with a group's shared secret for one resource: generate it (once per group and
/// run, the same value for every end) or keep the one there is. <paramref name="Kept"/> is the value to
/// send again where the service needs it in a full replace (Port's PUT); null when the service keeps it by
/// itself (Spacelift, when the input leaves it out). <paramref name="Fingerprint"/> is the kept value's
/// fingerprint; a generated value's is computed at apply time.
/// </summary>
internal sealed record SharedSecretIntent(string Group, bool Generate, Secret? Kept, string? Fingerprint);
