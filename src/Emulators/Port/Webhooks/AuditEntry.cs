using System.Globalization;
using System.Text.Json.Nodes;

namespace Emulators.Port.Webhooks;

/// <summary>One audit-log line for a webhook event.</summary>
/// <param name="Action"><c>CREATE</c> or <c>UPDATE</c> for an entity write; null when nothing was written.</param>
internal sealed record AuditEntry(
    string Identifier,
    DateTimeOffset At,
    string WebhookId,
    string WebhookEventId,
    bool Success,
    string Message,
    string? Action = null,
    string? Blueprint = null,
    string? Entity = null)
{
    public JsonObject Render() => new()
    {
        ["identifier"] = Identifier,
        ["action"] = Action,
        ["resourceType"] = Entity is null ? "webhook" : "entity",
        ["status"] = Success ? "SUCCESS" : "FAILURE",
        ["message"] = Message,
        ["trigger"] = new JsonObject
        {
            ["at"] = At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["origin"] = "WEBHOOK",
        },
        ["context"] = new JsonObject
        {
            ["webhookId"] = WebhookId,
            ["webhookEventId"] = WebhookEventId,
            ["blueprint"] = Blueprint,
            ["entity"] = Entity,
        },
    };
}
