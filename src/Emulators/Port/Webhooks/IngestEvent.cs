namespace Emulators.Port.Webhooks;

/// <summary>One accepted POST to a webhook's ingest URL, as received: raw body bytes, lowercase headers, query.</summary>
internal sealed record IngestEvent(
    string WebhookKey,
    string EventId,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    long ReceivedTimestamp);
