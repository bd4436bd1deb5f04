using Infra.Model;

namespace Infra.Engine;

/// <summary>
/// A plan plus what only the engine may see: for each change, the desired resource with its secret
/// value, and the state entries to forget (owned resources that are gone from Port).
/// </summary>
internal sealed record PlannedRun(
    Plan Plan,
    IReadOnlyDictionary<ResourceChange, StepIntent> Intents,
    IReadOnlyList<ResourceAddress> Forget);

/// <param name="Desired">The declared resource (secret value included); null for deletions.</param>
/// <param name="MintToken">Mint a Spacelift JWT and write it as the secret's value.</param>
/// <param name="Blueprint">For entities: the blueprint they belong to.</param>
internal sealed record StepIntent(DesiredResource? Desired, bool MintToken = false, string? Blueprint = null);

/// <summary>How reading Spacelift went: the stacks seen, and the failure if the read did not finish.</summary>
internal sealed record SpaceliftRead(int StacksSeen, string? Failure);
