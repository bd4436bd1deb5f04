using Infra.Cli.Diagnostics;
using Infra.Sdk;

namespace Infra.Cli.Decisions.Ownership;

/// <summary>
/// The run would write a resource another stack owns. One line: the first such resource, its owner,
/// how many more there are, and the two ways out.
/// </summary>
public sealed class OwnershipConflictException(StackOwner self, IReadOnlyList<OwnershipFinding> conflicts)
    : InfraException(Describe(self, conflicts))
{
    public override int ExitCode => ExitCodes.OwnershipConflict;

    public IReadOnlyList<OwnershipFinding> Conflicts { get; } = conflicts;

    private static string Describe(StackOwner self, IReadOnlyList<OwnershipFinding> conflicts)
    {
        var first = conflicts[0];
        var more = conflicts.Count > 1 ? $" (and {conflicts.Count - 1} more owned by other stacks)" : string.Empty;
        return $"{first.Address} belongs to stack {first.MarkedOwner}, not {self}{more}; nothing was written. "
            + "Give this stack its own names (infra:blueprint, infra:nameSuffix), or move the resources to it with --take-over (infra:takeOver)";
    }
}
