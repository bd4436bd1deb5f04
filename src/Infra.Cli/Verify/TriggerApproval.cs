namespace Infra.Cli.Verify;

/// <summary>Whether a stack can be triggered without another member's approval, as Port holds the trigger action.</summary>
public enum TriggerApproval
{
    /// <summary>No <c>requiredApproval</c>: whoever may execute starts the Spacelift run at once.</summary>
    None,

    /// <summary>The protected-stacks policy this stack declares: labelled stacks wait for an approver, others for the requester.</summary>
    Protected,

    /// <summary><c>requiredApproval</c> with no approve policy: every run waits for one of the listed approvers.</summary>
    EveryRun,

    /// <summary><c>requiredApproval</c> under an approve policy this program did not declare: verify cannot evaluate it.</summary>
    Custom,
}

public static class TriggerApprovalExtensions
{
    /// <summary>The verdict in JSON documents.</summary>
    public static string JsonName(this TriggerApproval approval) => approval switch
    {
        TriggerApproval.None => "none",
        TriggerApproval.Protected => "protected",
        TriggerApproval.EveryRun => "every-run",
        _ => "custom",
    };
}
