namespace Infra.Sdk;

/// <summary>
/// The entities of one blueprint that a program keeps in step with what it read (<see cref="Source"/>):
/// each declared entity is created or updated, and a live entity of the blueprint that is not declared
/// is deleted, within the prune gate, unless <see cref="Keep"/> names it or <see cref="Prune"/> keeps it.
/// Entities are written in bulk, after the blueprint and after the sets their relations point into
/// (<see cref="After"/>, and the targets of <see cref="Relations"/>), each after the entities of the same
/// set it relates to, and deleted in the reverse order.
/// </summary>
public sealed record EntitySet(string Blueprint, IReadOnlyList<DesiredResource> Entities, DataRead Source)
{
    /// <summary>Identifiers never deleted, though not declared: items that still exist but could not be declared (data Port would refuse).</summary>
    public IReadOnlySet<string> Keep { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Blueprints whose entities this set's relations point to: written before this set, deleted after it.</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>
    /// The blueprint's relations, by name, with the blueprint each points into (as the blueprint declares
    /// them). An entity is written after the entities its relations name and deleted before them, in this
    /// set (a space after its parent) and across sets (a run after its stack); a relation into another
    /// blueprint orders the sets like <see cref="After"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Relations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Properties of the blueprint whose values Port computes (mirror and aggregation properties): Port may
    /// return them inside <c>properties</c>, so they are never compared, written or kept as an entity's own.
    /// </summary>
    public IReadOnlySet<string> Calculated { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Which undeclared live entities may be deleted, when not all may (null: every one, within the prune gate).</summary>
    public PruneScope? Prune { get; init; }

    /// <summary>The set's address: its blueprint's, for diagnostics and ordering.</summary>
    public ResourceAddress BlueprintAddress => new(ResourceKind.Blueprint, Blueprint);
}
