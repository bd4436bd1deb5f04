namespace Infra.Cli.Engine.Contract;

/// <param name="AllowMassDeletion">
/// <c>--allow-mass-delete</c>: prune even when the share of entities to delete is above the threshold,
/// or when Spacelift returned zero stacks while Port holds entities. A failed or partial Spacelift
/// read is never overridden: nothing is pruned on it.
/// </param>
/// <param name="TakeOver">
/// <c>--take-over</c> (or <c>infra:takeOver</c>): declared resources another stack owns are taken over
/// (re-marked as this stack's) instead of stopping the run.
/// </param>
public sealed record PlanOptions(bool AllowMassDeletion = false, bool TakeOver = false);
