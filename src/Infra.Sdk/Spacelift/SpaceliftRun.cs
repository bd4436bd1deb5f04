namespace Infra.Sdk.Spacelift;

/// <summary>
/// One run of a stack as read from Spacelift's GraphQL API (<c>stack(id).runs</c>): what it is (<c>TRACKED</c>,
/// a task…), where it stands, what it ran (branch, commit) and who started it (null for a Git push or drift
/// detection), its times (Spacelift gives Unix seconds) and the resources its plan changes (null until planned).
/// </summary>
public sealed record SpaceliftRun(
    string Id,
    string StackId,
    string Type,
    string State,
    string Branch,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? TriggeredBy,
    bool DriftDetection,
    SpaceliftCommit? Commit,
    SpaceliftDelta? Delta);

/// <summary>The commit a run ran: its hash, message and author (name and login), each absent when Spacelift gives none.</summary>
public sealed record SpaceliftCommit(string? Hash, string? Message, string? AuthorName, string? AuthorLogin);

/// <summary>A run's planned changes: resources added, changed and deleted, and the resources the plan counted.</summary>
public sealed record SpaceliftDelta(int Added, int Changed, int Deleted, int Resources);
