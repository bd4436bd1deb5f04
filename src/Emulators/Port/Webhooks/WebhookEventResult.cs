namespace Emulators.Port.Webhooks;

/// <summary>One audit line of an outcome: success, message, and the entity written if any.</summary>
public sealed record WebhookEventResult(bool Success, string Message, string? Blueprint, string? Entity);
