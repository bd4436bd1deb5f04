namespace Emulators.Spacelift.Stacks;

/// <summary>Values of the <c>StackState</c> enum: the run states, plus <c>NONE</c> before the first tracked run.</summary>
public static class StackStates
{
    public const string None = "NONE";
    public const string Queued = "QUEUED";
    public const string Finished = "FINISHED";

    public static readonly IReadOnlyList<string> All =
    [
        None, Queued, "CANCELED", "INITIALIZING", "PLANNING", "FAILED", Finished, "UNCONFIRMED", "DISCARDED",
        "CONFIRMED", "APPLYING", "PERFORMING", "STOPPED", "DESTROYING", "PREPARING", "PREPARING_APPLY",
        "PREPARING_REPLAN", "SKIPPED", "REPLAN_REQUESTED", "PENDING", "READY", "PENDING_REVIEW",
    ];

    public static readonly IReadOnlySet<string> Terminal =
        new HashSet<string>(["CANCELED", "FAILED", Finished, "DISCARDED", "STOPPED", "SKIPPED"], StringComparer.Ordinal);
}
