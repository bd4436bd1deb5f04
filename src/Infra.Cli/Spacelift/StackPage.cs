using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Cli.Spacelift;

/// <summary>One page of <c>searchStacks</c>, already mapped.</summary>
internal sealed record StackPage(IReadOnlyList<SpaceliftStack> Stacks, bool HasNextPage, string? EndCursor);
