namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What the apply step does with a group's shared secret for one resource: generate it (once per group and
/// run, the same value for every end) or keep the one there is, which is never sent again: the write leaves
/// it out and the service keeps it. <paramref name="Fingerprint"/> is the kept value's fingerprint; a
/// generated value's is computed at apply time.
/// </summary>
internal sealed record SharedSecretIntent(string Group, bool Generate, string? Fingerprint);
