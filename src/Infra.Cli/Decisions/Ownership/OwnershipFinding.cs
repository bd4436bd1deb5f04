using Infra.Sdk;

namespace Infra.Cli.Decisions.Ownership;

/// <summary>One live resource's owner as its mark says (<paramref name="MarkedOwner"/> is null when unmarked).</summary>
public sealed record OwnershipFinding(ResourceAddress Address, OwnershipStatus Status, StackOwner? MarkedOwner)
{
    /// <summary>The plan's reason text for a resource that changes hands, or null when it stays ours.</summary>
    public string? Reason(StackOwner self) => Status switch
    {
        OwnershipStatus.Unmarked => $"no owner mark in Port: adopted by {self} and marked",
        OwnershipStatus.TakenOver => $"owned by stack {MarkedOwner}: taken over by {self} (--take-over)",
        _ => null,
    };
}
