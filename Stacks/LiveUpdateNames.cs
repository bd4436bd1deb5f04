namespace Infra.Stacks;

/// <summary>
/// The identifiers of the live-update resources, derived from <c>infra:nameSuffix</c> like the others
/// (<see cref="ResourceNames"/>). The Spacelift names are slugs (lower-case letters, digits, '-' and '_');
/// Spacelift generates each one's id from it, with or without a suffix (docs/unknowns.md), so the
/// resources are found by name and the policy takes the webhook's id from Spacelift.
/// </summary>
public sealed record LiveUpdateNames(string Suffix)
{
    /// <summary>Port caps a webhook's identifier at 30 characters: <c>spacelift_stack_state_</c> is 22.</summary>
    public const int MaxSuffixLength = 8;

    /// <summary>The Port webhook data source's identifier.</summary>
    public string PortWebhook => Suffix.Length == 0 ? "spacelift_stack_state" : "spacelift_stack_state_" + Suffix;

    /// <summary>The Port webhook's title (at most 30 characters, as Port requires).</summary>
    public string PortWebhookTitle => Suffix.Length == 0 ? "Spacelift stack state" : $"Spacelift state ({Suffix})";

    /// <summary>The Spacelift named webhook's name.</summary>
    public string NamedWebhook => Suffix.Length == 0 ? "port-stack-state" : "port-stack-state-" + Suffix;

    /// <summary>The Spacelift notification policy's name.</summary>
    public string Policy => Suffix.Length == 0 ? "port-stack-state-routing" : "port-stack-state-routing-" + Suffix;
}
