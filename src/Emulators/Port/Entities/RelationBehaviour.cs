namespace Emulators.Port.Entities;

/// <summary>
/// How the emulator plays what Port's sources leave open about relations and the values Port calculates
/// from them. Each property is one unknown; its default is the emulator's answer, the other settings the
/// other plausible ones (Port/README.md lists the sources for each).
/// </summary>
public sealed record RelationBehaviour
{
    /// <summary>
    /// Whether a blueprint may be created with a relation to itself. Port's docs say the target "has to exist
    /// when defining the relation"; whether the blueprint being created counts is not said.
    /// </summary>
    public bool SelfRelationOnCreate { get; init; } = true;

    /// <summary>
    /// Whether an item of a bulk write may relate to an entity created by an earlier item of the same request
    /// (true), or only to entities that existed before the request (false).
    /// </summary>
    public bool BulkSeesEarlierItems { get; init; } = true;

    /// <summary>Which entities <c>delete_dependents=true</c> deletes along (and which block a delete without it).</summary>
    public DependentsScope DeleteDependents { get; init; } = DependentsScope.RequiredRelations;

    /// <summary>What becomes of an optional relation whose target entity is deleted.</summary>
    public DanglingRelations OnTargetDeleted { get; init; } = DanglingRelations.Clear;

    /// <summary>
    /// Whether deleting a blueprint that another blueprint relates to (or aggregates) is refused (true), or
    /// allowed, leaving those definitions pointing at nothing (false).
    /// </summary>
    public bool RefuseDeletingReferencedBlueprint { get; init; } = true;

    /// <summary>
    /// How stale an aggregation property may be. Port documents a recalculation "every 15 minutes"; zero (the
    /// default) computes it at every read, a positive value reuses a value until the interval it was computed
    /// in is over.
    /// </summary>
    public TimeSpan AggregationRefresh { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Whether <c>POST /v1/blueprints/{id}/entities/search</c> honours <c>exclude_calculated_properties</c> and
    /// <c>attach_title_to_relation</c>. The OpenAPI lists no query parameter for that route (it does for the
    /// GET routes and <c>/v1/entities/search</c>); port-docs <c>search-and-query/advanced.md</c> lists both as
    /// "search route query parameters" without naming the route.
    /// </summary>
    public bool BlueprintSearchHonoursQueryFlags { get; init; } = true;
}
