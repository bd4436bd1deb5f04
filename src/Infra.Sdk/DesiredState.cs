namespace Infra.Sdk;

/// <summary>Everything the declarations say should exist, in apply order.</summary>
public sealed record DesiredState(IReadOnlyList<DesiredResource> Resources);
