using Infra.Sdk;

namespace Infra.Cli.Decisions.Ownership;

/// <summary>What <see cref="OwnershipCheck"/> found for the resources that exist in Port.</summary>
public sealed record OwnershipReport(StackOwner Self, IReadOnlyDictionary<ResourceAddress, OwnershipFinding> Findings)
{
    public static OwnershipReport None(StackOwner self) => new(self, new Dictionary<ResourceAddress, OwnershipFinding>());

    /// <summary>Resources another stack owns that this stack would write, in the order they were given.</summary>
    public IReadOnlyList<OwnershipFinding> Conflicts => [.. Findings.Values.Where(f => f.Status == OwnershipStatus.Foreign)];

    public bool IsForeign(ResourceAddress address) => Status(address) == OwnershipStatus.Foreign;

    public OwnershipStatus Status(ResourceAddress address) => FindingFor(address)?.Status ?? OwnershipStatus.Ours;

    /// <summary>The plan's reason for adopting or taking over <paramref name="address"/>; null when it is already ours or absent.</summary>
    public string? Reason(ResourceAddress address) => FindingFor(address)?.Reason(Self);

    /// <summary>
    /// What was found for <paramref name="address"/>; a part of another resource (an action's permissions)
    /// has the finding of the resource it lives in, whose mark it shares. Null when nothing was found.
    /// </summary>
    public OwnershipFinding? FindingFor(ResourceAddress address)
        => Findings.GetValueOrDefault(address.Kind.LivesIn is { } owner ? address with { Kind = owner } : address);

    /// <summary>
    /// Throws the one-line refusal when a resource this stack would write (<paramref name="writes"/>;
    /// null: every resource checked) belongs to another stack. Call it before any write.
    /// </summary>
    /// <exception cref="OwnershipConflictException">A resource belongs to another stack.</exception>
    public void ThrowIfConflicts(IEnumerable<ResourceAddress>? writes = null)
    {
        var among = writes?.ToHashSet();
        var conflicts = Conflicts.Where(c => among is null || among.Contains(c.Address)).ToList();
        if (conflicts.Count > 0)
        {
            throw new OwnershipConflictException(Self, conflicts);
        }
    }
}
