namespace Infra.Sdk.Spacelift;

/// <summary>
/// The latest runs of each stack asked for, newest first (<see cref="ByStack"/>), and how the read went:
/// stacks whose runs could not be read are in <see cref="Failures"/> with why (and make <see cref="Read"/>
/// failed), stacks Spacelift no longer has in <see cref="Gone"/>. A stack in neither was read to the number asked
/// or to its first run.
/// </summary>
public sealed record SpaceliftRunHistory(
    IReadOnlyDictionary<string, IReadOnlyList<SpaceliftRun>> ByStack,
    IReadOnlySet<string> Gone,
    IReadOnlyDictionary<string, string> Failures,
    DataRead Read);
