namespace Infra.Sdk;

/// <summary>
/// The outputs <c>verify</c> looks up to find what it runs: a program that declares them (as
/// <see cref="ProgramOutput.Text"/>) can be verified end to end through Port's action-runs API.
/// </summary>
public static class VerifyOutputs
{
    /// <summary>The blueprint of the entities the trigger action picks from.</summary>
    public const string Blueprint = "blueprint";

    /// <summary>The self-service action that starts a run in Spacelift for one entity (input <c>stack</c>).</summary>
    public const string TriggerAction = "triggerAction";

    /// <summary>The self-service action that asks Spacelift for a new token.</summary>
    public const string RefreshAction = "refreshAction";

    /// <summary>The automation that writes the refreshed token into <see cref="TokenSecret"/>.</summary>
    public const string TokenAutomation = "tokenAutomation";

    /// <summary>The organisation secret the trigger action authenticates with.</summary>
    public const string TokenSecret = "tokenSecret";

    /// <summary>The label that marks the stacks whose trigger waits for the approvers the trigger's permissions name (only when some are protected).</summary>
    public const string ProtectedLabel = "protectedLabel";

    /// <summary>The Port webhook that keeps entities' state live (only with live updates on).</summary>
    public const string LiveUpdatesWebhook = "liveUpdatesWebhook";

    // The self-renewing token (only when the program declares one): an entity (the lease) whose timer
    // property fires an automation that renews the token and sets the timer again.

    /// <summary>The automation that renews <see cref="TokenSecret"/> when the lease's timer expires.</summary>
    public const string TokenRenewal = "tokenRenewal";

    /// <summary>The blueprint of the lease entity.</summary>
    public const string TokenLeaseBlueprint = "tokenLeaseBlueprint";

    /// <summary>The lease entity's identifier.</summary>
    public const string TokenLease = "tokenLease";

    /// <summary>The lease's timer property (an ISO date-time): when the token is renewed next.</summary>
    public const string TokenLeaseTimer = "tokenLeaseTimer";

    /// <summary>The lease's property that holds <see cref="TokenLeaseFailed"/> once a renewal failed.</summary>
    public const string TokenLeaseStatus = "tokenLeaseStatus";

    /// <summary>The lease's property that holds why the last renewal failed.</summary>
    public const string TokenLeaseError = "tokenLeaseError";

    /// <summary>The value of the lease's <see cref="TokenLeaseStatus"/> property after a failed renewal: the loop has stopped.</summary>
    public const string TokenLeaseFailed = "FAILED";
}
