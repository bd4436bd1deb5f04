namespace Emulators.Spacelift.Webhooks;

/// <summary>What became of one delivery attempt.</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>A 2xx answer.</summary>
    Delivered,

    /// <summary>A 5xx or timeout with retries left: sent again after the back-off.</summary>
    WillRetry,

    /// <summary>Failed and not retried (retries off or spent, or a 4xx): the event is abandoned.</summary>
    Abandoned,

    /// <summary>Not sent: the webhook's queue was full, or the webhook was disabled or deleted meanwhile.</summary>
    Dropped,
}
