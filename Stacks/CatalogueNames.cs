namespace Infra.Stacks;

/// <summary>
/// The full catalogue's identifiers, derived from <c>infra:nameSuffix</c> like the others
/// (<see cref="ResourceNames"/>), so two Spacelift accounts keep their spaces and runs apart in one Port
/// organisation; the stack blueprint's is <c>infra:blueprint</c>. The names of the stack blueprint's new
/// relation and properties are fixed: they are part of the blueprint's schema, not of an account.
/// </summary>
public sealed record CatalogueNames(string Suffix)
{
    /// <summary>The stack blueprint's relation to its space.</summary>
    public const string SpaceRelation = "spacelift_space";

    /// <summary>A space's relation to its parent space.</summary>
    public const string ParentRelation = "parentSpace";

    /// <summary>A run's relation to its stack.</summary>
    public const string StackRelation = "stack";

    /// <summary>The stack's property: when its latest tracked run was created.</summary>
    public const string LatestRunAt = "latest_run_at";

    /// <summary>The stack's mirror of its space's title.</summary>
    public const string SpaceName = "space_name";

    /// <summary>The stack's count of its tracked runs created in the last 30 days (Port's <c>lastMonth</c>).</summary>
    public const string TrackedRuns = "tracked_runs_last_30_days";

    /// <summary>The stack's count of its failed runs created in the last 30 days.</summary>
    public const string FailedRuns = "failed_runs_last_30_days";

    /// <summary>A run's creation time: what the 30-day window and the prune scope read.</summary>
    public const string CreatedAt = "createdAt";

    public string SpaceBlueprint => Suffix.Length == 0 ? "spacelift_space" : "spacelift_space_" + Suffix;

    public string RunBlueprint => Suffix.Length == 0 ? "spacelift_run" : "spacelift_run_" + Suffix;
}
