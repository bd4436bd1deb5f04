using Infra.Sdk;

namespace Infra.Cli.Verify;

/// <summary>
/// The self-renewing token as the program names it in its outputs (<see cref="VerifyOutputs"/>): the
/// automation that renews the token, and the lease entity with its timer, status and error properties.
/// </summary>
public sealed record RenewalTarget(string Renew, string Blueprint, string Lease, string Timer, string Status, string Error)
{
    /// <summary>Null when the program declares no self-renewing token (or it is turned off).</summary>
    public static RenewalTarget? From(ResourceGraph graph)
    {
        if (graph.Output(VerifyOutputs.TokenRenewal) is not { } renew)
        {
            return null;
        }

        string Required(string name) => graph.Output(name)
            ?? throw new VerifyException($"the program declares '{VerifyOutputs.TokenRenewal}' but no '{name}' output: verify cannot find the lease to check");

        return new RenewalTarget(
            renew,
            Required(VerifyOutputs.TokenLeaseBlueprint),
            Required(VerifyOutputs.TokenLease),
            Required(VerifyOutputs.TokenLeaseTimer),
            Required(VerifyOutputs.TokenLeaseStatus),
            Required(VerifyOutputs.TokenLeaseError));
    }
}
