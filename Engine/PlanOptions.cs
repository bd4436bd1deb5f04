namespace Infra.Engine;

/// <param name="AllowMassDeletion">
/// <c>--allow-mass-delete</c>: prune even when the share of entities to delete is above the threshold,
/// or when Spacelift returned zero stacks while Port holds entities. A failed or partial Spacelift
/// read is never overridden: nothing is pruned on it.
/// </param>
public sealed record PlanOptions(bool AllowMassDeletion = false);
