namespace Infra.Engine;

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
    public bool HasChanges => Changes.Any(c => c.Kind != ChangeKind.Same);

    /// <summary>Counts per kind, including <see cref="ChangeKind.Same"/>.</summary>
    public IReadOnlyDictionary<ChangeKind, int> Summary =>
        Changes.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
}
