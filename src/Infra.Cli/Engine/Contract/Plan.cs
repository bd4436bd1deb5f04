using Infra.Sdk;
using Infra.Cli.Engine.Apply;

namespace Infra.Cli.Engine.Contract;

/// <summary>
/// The ordered changes that would bring live Port to the declarations: blueprint, secrets, actions,
/// automation, entities, then deletions (in reverse order). Sames are included so renderers can count them.
/// </summary>
public sealed record Plan(
    string Project,
    string Stack,
    IReadOnlyList<ResourceChange> Changes,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>What the plan is for; renderers pick their headers and verbs from it.</summary>
    public Operation Operation { get; init; } = Operation.Update;

    /// <summary>
    /// Deletions a safety rule kept out of this plan (never delete on doubt); the diagnostics say which
    /// rule and how to override it. Resources whose deletion waits on them (a blueprint) are counted too.
    /// </summary>
    public int HeldBackDeletions { get; init; }

    public bool DeletionsHeldBack => HeldBackDeletions > 0;

    /// <summary>What the engine needs to apply this plan (secret values included); null for plans not made by an engine.</summary>
    internal ApplyInstructions? Instructions { get; init; }

    public bool HasChanges => Changes.Any(c => c.Kind != ChangeKind.Same);

    /// <summary>Counts per kind, including <see cref="ChangeKind.Same"/>.</summary>
    public IReadOnlyDictionary<ChangeKind, int> Summary =>
        Changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
}
