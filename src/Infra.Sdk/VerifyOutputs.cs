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
}
