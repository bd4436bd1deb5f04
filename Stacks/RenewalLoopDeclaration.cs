using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>What the self-renewing token adds to the graph (<see cref="TokenRenewalLoop.Declare"/>).</summary>
public sealed record RenewalLoopDeclaration(
    IReadOnlyList<DesiredResource> Resources,
    EntitySet Leases,
    LiveCheck Check,
    IReadOnlyList<ProgramOutput> Outputs);
