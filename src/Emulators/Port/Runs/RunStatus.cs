namespace Emulators.Port.Runs;

/// <summary>Run statuses as Port writes them.</summary>
internal static class RunStatus
{
    public const string InProgress = "IN_PROGRESS";
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
    public const string WaitingForApproval = "WAITING_FOR_APPROVAL";

    /// <summary>A run an approver declined: it ends without its invocation being sent.</summary>
    public const string Declined = "DECLINED";

    /// <summary>Statuses after which a run changes no more.</summary>
    public static bool IsFinal(string? status) => status is Success or Failure or Declined;
}
