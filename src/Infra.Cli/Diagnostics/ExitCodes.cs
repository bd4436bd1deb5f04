namespace Infra.Cli.Diagnostics;

/// <summary>
/// Process exit codes. They follow Pulumi's table (v3.227+) where Pulumi has one, so pipelines
/// written for Pulumi read ours the same way.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run failed for a reason that is not one of the others.</summary>
    public const int Failure = 1;

    /// <summary>Bad flags, bad or missing configuration, unknown stack, wrong passphrase (Pulumi: 2).</summary>
    public const int UsageOrConfig = 2;

    /// <summary>Port or Spacelift rejected our credentials (Pulumi: 3).</summary>
    public const int Authentication = 3;

    /// <summary>Some resources failed to apply; the rest were applied and recorded (Pulumi: 4).</summary>
    public const int ResourceFailures = 4;

    /// <summary>A safety rule held back deletions (never delete on doubt); the rest was applied (Pulumi: 5, policy).</summary>
    public const int DeletionsHeldBack = 5;

    /// <summary><c>--expect-no-changes</c> was given and there are changes, or drift (Pulumi: 7).</summary>
    public const int ChangesDetected = 7;

    /// <summary>The user declined the confirmation prompt or pressed Ctrl-C (Pulumi: 8).</summary>
    public const int Cancelled = 8;

    /// <summary>Another run holds this stack's lock (Pulumi has no code; 10 is outside its table).</summary>
    public const int ConcurrentUpdate = 10;

    /// <summary><c>verify</c>: Spacelift refused the API key held in Port's secrets (outside Pulumi's table, as are 12 to 14).</summary>
    public const int VerifyCredentials = 11;

    /// <summary><c>verify</c>: a webhook failed, timed out, or reached something that is not Spacelift's GraphQL API.</summary>
    public const int VerifyWebhook = 12;

    /// <summary><c>verify</c>: the token automation is missing or disabled, its condition did not hold, or it did not rewrite SPACELIFT_TOKEN.</summary>
    public const int VerifyAutomation = 13;

    /// <summary><c>verify --trigger</c>: Spacelift answered the trigger with GraphQL errors or without a run.</summary>
    public const int VerifySpaceliftAnswer = 14;

    /// <summary>
    /// The run would create over, update or delete a resource another stack owns (its description's
    /// owner mark names that stack); nothing was written. Pulumi has no code for it (11 to 14 are verify's).
    /// </summary>
    public const int OwnershipConflict = 15;

    /// <summary><c>verify --trigger</c> with live updates: no event of the run reached Port's webhook.</summary>
    public const int VerifyLiveNoDelivery = 16;

    /// <summary><c>verify --trigger</c> with live updates: Port refused the events' signature.</summary>
    public const int VerifyLiveSignature = 17;

    /// <summary><c>verify --trigger</c> with live updates: events arrived but the mapping applied none.</summary>
    public const int VerifyLiveMapping = 18;

    /// <summary>
    /// <c>verify</c>: the self-renewing token's loop has stopped or a renewal it forced failed (the key was
    /// refused, Spacelift is down, no token came back, or the token or timer was not written).
    /// </summary>
    public const int VerifyRenewal = 19;

    /// <summary>A bug: an exception nobody anticipated (Pulumi: 255).</summary>
    public const int Internal = 255;
}
