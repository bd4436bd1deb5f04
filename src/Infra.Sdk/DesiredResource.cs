using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// One resource as the program wants it. <see cref="Body"/> is the JSON its service is sent (treated
/// as immutable: callers deep-clone before changing it). A kind with a write-only value (a secret)
/// carries the value beside the body, in <see cref="Value"/>, so the body can be printed, diffed and
/// stored without leaking it.
/// </summary>
public sealed record DesiredResource(ResourceAddress Address, JsonObject Body)
{
    /// <summary>
    /// What must exist before this resource (it is created after them and deleted before them), as a
    /// Pulumi resource's <c>dependsOn</c>. An entity needs its blueprint without saying so.
    /// </summary>
    public IReadOnlyList<ResourceAddress> DependsOn { get; init; } = [];

    /// <summary>
    /// Fields whose value is another resource's output (Pulumi's <c>Output</c>), known once that resource
    /// exists; the resource depends on each source.
    /// </summary>
    public IReadOnlyList<OutputReference> References { get; init; } = [];

    /// <summary>
    /// Fields whose value is a time before a minted secret expires (<see cref="ExpiryReference"/>), known once
    /// that value is minted or from the expiry recorded with it; the resource depends on each source.
    /// </summary>
    public IReadOnlyList<ExpiryReference> Expiries { get; init; } = [];

    /// <summary>Where the write-only value of a secret comes from; null for every other kind.</summary>
    public SecretValue? Value { get; init; }

    /// <summary>
    /// Resources that stand or fall together (two ends of one webhook, in two services): when one of
    /// them cannot be read, none is created, updated or deleted in that run, and when one fails to
    /// apply the rest of the group is skipped. Kinds that carry a <see cref="ResourceKind.SharedSecret"/>
    /// share one generated secret with the rest of their group. Null: the resource stands alone.
    /// </summary>
    public string? Group { get; init; }
}
