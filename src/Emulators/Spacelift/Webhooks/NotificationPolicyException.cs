namespace Emulators.Spacelift.Webhooks;

/// <summary>A notification policy body the emulator cannot evaluate; answered as a GraphQL error naming the construct.</summary>
public sealed class NotificationPolicyException(string message) : Exception(message);
