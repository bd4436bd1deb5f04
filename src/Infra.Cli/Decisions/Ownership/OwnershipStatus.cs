namespace Infra.Cli.Decisions.Ownership;

/// <summary>Whose a live resource is, seen from the stack that is running.</summary>
public enum OwnershipStatus
{
    /// <summary>Marked as this stack's.</summary>
    Ours,

    /// <summary>No owner mark (built from the guide by hand, by an older version, or re-described by the guide's automation): adopted and marked.</summary>
    Unmarked,

    /// <summary>Marked as another stack's: never written, never deleted.</summary>
    Foreign,

    /// <summary>Marked as another stack's, and <c>--take-over</c> moves it to this stack.</summary>
    TakenOver,
}
