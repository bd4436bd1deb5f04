namespace Infra.Cli.Verify;

public enum VerifyStepStatus
{
    Passed,
    Failed,

    /// <summary>Not attempted because an earlier link broke, or an earlier run waits for an approval.</summary>
    Skipped,

    /// <summary>
    /// The action requires approval and Port holds the run (<c>WAITING_FOR_APPROVAL</c>) until an allowed
    /// approver approves it. Nothing is broken, but what comes after the run was not checked.
    /// </summary>
    AwaitingApproval,
}

public static class VerifyStepStatusExtensions
{
    /// <summary>The status in JSON documents.</summary>
    public static string JsonName(this VerifyStepStatus status) => status switch
    {
        VerifyStepStatus.Passed => "passed",
        VerifyStepStatus.Failed => "failed",
        VerifyStepStatus.AwaitingApproval => "awaiting-approval",
        _ => "skipped",
    };
}
