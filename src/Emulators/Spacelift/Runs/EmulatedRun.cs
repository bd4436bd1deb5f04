namespace Emulators.Spacelift.Runs;

/// <summary>
/// A run on a stack: one triggered through <c>runTrigger</c> (with who triggered it and the bearer token that
/// authorised it; tests check that an action sent the token from the right secret), or one of the account's
/// generated history (<see cref="Outcome"/> set, no token).
/// </summary>
public sealed record EmulatedRun
{
    public required string Id { get; init; }
    public required string StackId { get; init; }

    /// <summary>A <c>RunType</c> value: <c>TRACKED</c> unless the caller asked for another.</summary>
    public required string Type { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Branch { get; init; }
    public required string CommitSha { get; init; }

    /// <summary><c>api::&lt;keyId&gt;</c> for API-key callers, a user's login, or empty for a run a Git push (or drift detection) started.</summary>
    public required string TriggeredBy { get; init; }
    public required string Token { get; init; }
    public string? RuntimeConfigYaml { get; init; }
    public string? ForceApply { get; init; }

    /// <summary>Set for a run of the generated history: its fixed final state. Null: the run follows the run script.</summary>
    public RunOutcome? Outcome { get; init; }

    /// <summary>The commit's details; null: those of the stack's tracked commit (a triggered run).</summary>
    public RunCommit? Commit { get; init; }

    /// <summary>The planned changes; null: derived from the run id once planning is over (a triggered run).</summary>
    public RunDelta? Delta { get; init; }

    /// <summary>Whether drift detection started the run.</summary>
    public bool DriftDetection { get; init; }
}
