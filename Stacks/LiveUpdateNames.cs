namespace Infra.Stacks;

/// <summary>
/// The identifiers of the live-update resources, derived from <c>infra:nameSuffix</c> like the others
/// (<see cref="ResourceNames"/>). The Spacelift names are already slugs (lower-case letters, digits,
/// '-' and '_'), so the ids Spacelift derives from them are the names themselves, and the policy can
/// name the webhook's id before the webhook exists.
/// </summary>
public sealed record LiveUpdateNames(string Suffix)
{
    /// <summary>Port caps a webhook's identifier at 30 characters: <c>spacelift_stack_state_</c> is 22.</summary>
    public const int MaxSuffixLength = 8;

    /// <summary>The Port webhook data source's identifier.</summary>
    public string PortWebhook => Suffix.Length == 0 ? "spacelift_stack_state" : "spacelift_stack_state_" + Suffix;

    /// <summary>The Port webhook's title (at most 30 characters, as Port requires).</summary>
    public string PortWebhookTitle => Suffix.Length == 0 ? "Spacelift stack state" : $"Spacelift state ({Suffix})";

    /// <summary>The Spacelift named webhook's name, and so its id.</summary>
    public string NamedWebhook => Suffix.Length == 0 ? "port-stack-state" : "port-stack-state-" + Suffix;

    /// <summary>The Spacelift notification policy's name, and so its id.</summary>
    public string Policy => Suffix.Length == 0 ? "port-stack-state-routing" : "port-stack-state-routing-" + Suffix;
}
