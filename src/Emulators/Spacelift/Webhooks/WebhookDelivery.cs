namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// One delivery attempt (or a drop), as Spacelift lists deliveries per webhook: the event it carried, the
/// HTTP status (null on a timeout or connection failure), and what the deliverer did.
/// </summary>
public sealed record WebhookDelivery(
    string WebhookId,
    string StackId,
    string RunId,
    string State,
    int StateVersion,
    int Attempt,
    int? Status,
    WebhookDeliveryOutcome Outcome,
    string? Error,
    DateTimeOffset At);
