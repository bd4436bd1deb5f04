using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>The stacks that can become entities (cleaned), what was wrong, and the ids that were rejected.</summary>
public sealed record StackDataCheck(IReadOnlyList<SpaceliftStack> Accepted, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlySet<string> RejectedIds);
