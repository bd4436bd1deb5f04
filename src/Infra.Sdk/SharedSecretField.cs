namespace Infra.Sdk;

/// <summary>
/// Where a kind carries the live-update webhook secret, the one value shared by two resources in two
/// services (Port checks with it what Spacelift signs with it). The value is minted by the executor,
/// never declared, never printed; each end records a keyed fingerprint of it (in its description, or
/// in a label for kinds without one) so the planner knows whether both ends still hold the same value.
/// </summary>
/// <param name="Path">The field's path in the body (<c>security.secret</c>).</param>
/// <param name="ReadBack">Whether the service returns the value on reads (Port does; Spacelift does not).</param>
public sealed record SharedSecretField(IReadOnlyList<string> Path, bool ReadBack);
