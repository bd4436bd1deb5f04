namespace Infra.Sdk.Declarations;

/// <summary>
/// Live updates switched on (<c>infra:liveUpdates</c>): the declarations add a Port webhook data
/// source, a Spacelift named webhook posting to it and the notification policy that routes tracked
/// runs there. <paramref name="Space"/> is the Spacelift space of the webhook and the policy.
/// <paramref name="IngestUrl"/> is the live Port webhook's <c>url</c> when it exists already (Port
/// makes it up, and ingest hosts differ per region); null until then, when the named webhook's
/// endpoint is <see cref="PendingIngestUrl"/> and the executor fills it in once the Port webhook exists.
/// </summary>
public sealed record LiveUpdates(string Space, string? IngestUrl = null)
{
    /// <summary>The endpoint of a named webhook whose Port webhook does not exist yet, as plans show it.</summary>
    public const string PendingIngestUrl = "(known after apply)";
}
