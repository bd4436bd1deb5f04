namespace Emulators.Port.Webhooks;

/// <summary>The filters of <c>GET /v1/audit-log</c> the emulator honours.</summary>
internal sealed record AuditQuery(
    string? WebhookId,
    string? WebhookEventId,
    bool? Success,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Entity,
    string? Blueprint,
    int Limit)
{
    public bool Matches(AuditEntry entry)
        => (WebhookId is null || entry.WebhookId == WebhookId)
            && (WebhookEventId is null || entry.WebhookEventId == WebhookEventId)
            && (Success is null || entry.Success == Success)
            && (From is null || entry.At >= From)
            && (To is null || entry.At <= To)
            && (Entity is null || entry.Entity == Entity)
            && (Blueprint is null || entry.Blueprint == Blueprint);
}
