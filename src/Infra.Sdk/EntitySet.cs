namespace Infra.Sdk;

/// <summary>
/// The entities of one blueprint that a program keeps in step with what it read (<see cref="Source"/>):
/// each declared entity is created or updated, and a live entity of the blueprint that is not declared
/// is deleted, within the prune gate, unless <see cref="Keep"/> names it. Entities are written in bulk,
/// after the blueprint and after the sets their relations point into (<see cref="After"/>), and deleted
/// in the reverse order.
/// </summary>
public sealed record EntitySet(string Blueprint, IReadOnlyList<DesiredResource> Entities, DataRead Source)
{
    /// <summary>Identifiers never deleted, though not declared: items that still exist but could not be declared (data Port would refuse).</summary>
    public IReadOnlySet<string> Keep { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Blueprints whose entities this set's relations point to: written before this set, deleted after it.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>The set's address: its blueprint's, for diagnostics and ordering.</summary>
    public ResourceAddress BlueprintAddress => new(ResourceKind.Blueprint, Blueprint);
}
