namespace Infra.Cli.Verify;

/// <summary>
/// One step of <c>verify</c> and its verdict. <see cref="Message"/> is one line, already masked.
/// <see cref="RunUrl"/> is the run in Port's API; <see cref="SpaceliftRunId"/> is set by a trigger that worked.
/// </summary>
public sealed record VerifyStep(string Name, string Action, VerifyStepStatus Status, string Message)
{
    public string? RunId { get; init; }

    public string? RunStatus { get; init; }

    public Uri? RunUrl { get; init; }

    /// <summary>Set exactly when <see cref="Status"/> is <see cref="VerifyStepStatus.Failed"/>.</summary>
    public VerifyLink? BrokenLink { get; init; }

    /// <summary>The last line of the run's log in Port, when it has one.</summary>
    public string? LastLog { get; init; }

    /// <summary>SPACELIFT_TOKEN's <c>updatedAt</c> after the automation (the automation step only).</summary>
    public string? TokenUpdatedAt { get; init; }

    public string? SpaceliftRunId { get; init; }

    public Uri? SpaceliftRunUrl { get; init; }

    /// <summary>The permissions step: one entry per action, trigger first.</summary>
    public IReadOnlyList<ActionAccessReport>? Permissions { get; init; }

    /// <summary>The permissions step: whether a stack can be triggered without approval (null when the trigger is not in Port).</summary>
    public TriggerApproval? Approval { get; init; }

    /// <summary>
    /// Something a passing step noticed that is worth acting on but breaks no link (Port's permissions
    /// differ from the declaration): shown, never counted as a failure, exit code unchanged.
    /// </summary>
    public string? Warning { get; init; }

    public static VerifyStep Skip(string name, string action, string why) => new(name, action, VerifyStepStatus.Skipped, why);
}
