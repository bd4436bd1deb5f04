using System.Text.Json.Nodes;

namespace Emulators.Port.Webhooks;

/// <summary>
/// What processing one ingested event did, for hooks (the live-updates benchmark stamps the commit time):
/// the parsed body, the audit entries written, and <see cref="System.Diagnostics.Stopwatch"/> timestamps.
/// </summary>
public sealed record WebhookEventOutcome(
    string WebhookId,
    JsonNode? Body,
    IReadOnlyList<WebhookEventResult> Results,
    long ReceivedTimestamp,
    long CommittedTimestamp);
