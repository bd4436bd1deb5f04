namespace Emulators.Port.Runs;

/// <summary>Run statuses as Port writes them.</summary>
internal static class RunStatus
{
    public const string InProgress = "IN_PROGRESS";
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
    public const string WaitingForApproval = "WAITING_FOR_APPROVAL";
}
