namespace Infra.Stacks;

/// <summary>
/// Live updates switched on (<c>infra:liveUpdates</c>): the declarations add a Port webhook data
/// source, a Spacelift named webhook posting to it and the notification policy that routes tracked
/// runs there. <paramref name="Space"/> is the Spacelift space of the webhook and the policy.
/// </summary>
public sealed record LiveUpdates(string Space);
