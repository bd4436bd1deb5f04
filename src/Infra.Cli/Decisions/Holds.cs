using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// What a run leaves untouched because a read it depends on failed: resources (and, through their groups,
/// the rest of each group) and whole entity sets, with the errors that say why. Held means not created,
/// updated or deleted; an executor that must declare everything it keeps (Pulumi mode) declares a held
/// resource as Port holds it.
/// </summary>
public sealed record Holds(IReadOnlySet<ResourceAddress> Resources, IReadOnlySet<string> EntitySets, IReadOnlyList<Diagnostic> Errors)
{
    public bool IsHeld(ResourceAddress address) => Resources.Contains(address);

    public bool HoldsEntitiesOf(string blueprint) => EntitySets.Contains(blueprint);

    /// <summary>Sets whose deletions alone are held: a held set's entities relate to them, and deleting one could orphan or be refused for them.</summary>
    public IReadOnlySet<string> Deletions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool HoldsDeletionsOf(string blueprint) => Deletions.Contains(blueprint);
}
