namespace Emulators.Faults;

/// <summary>
/// One part of a fault spec: on <see cref="Service"/> (and only its route <see cref="Group"/> when given),
/// a <see cref="Share"/> of requests gets <see cref="Kind"/>.
/// </summary>
public sealed record FaultRule(string Service, string? Group, FaultKind Kind, double Share)
{
    /// <summary>
    /// Whether this rule covers a request. A rule without a group spares the <c>auth</c> group, so a
    /// client can always get a token unless the spec names <c>auth</c> explicitly.
    /// </summary>
    public bool Covers(string service, string? group)
        => string.Equals(Service, service, StringComparison.Ordinal)
           && (Group is null ? group != FaultSpec.AuthGroup : string.Equals(Group, group, StringComparison.Ordinal));
}
