namespace Infra.Sdk.Declarations;

/// <summary>
/// The declared resources in apply order, the diagnostics raised while filtering stack data, and the
/// identifiers of stacks that were rejected: the engine never deletes an entity with one of those ids,
/// since the stack still exists in Spacelift.
/// </summary>
public sealed record Declaration(DesiredState State, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlySet<string> RejectedIds);
