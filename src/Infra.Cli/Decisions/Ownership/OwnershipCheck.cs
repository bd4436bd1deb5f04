using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Http;

namespace Infra.Cli.Decisions.Ownership;

/// <summary>
/// Decides, from the owner marks in live bodies, which resources a stack may write. Pure: it is given
/// the live bodies and reads nothing, so the standalone engine and any other executor (a Pulumi
/// program registering the same declarations) call it the same way and refuse with the same message.
/// Entities carry no mark of their own: they belong to their blueprint's owner, so checking the
/// blueprint covers them.
/// </summary>
public static class OwnershipCheck
{
    /// <summary>
    /// The check as another executor needs it, before it creates or updates anything: the declared
    /// resources that exist in Port (<paramref name="live"/>: bodies as Port returns them) are
    /// evaluated, and a declared resource of another stack throws the one-line refusal.
    /// </summary>
    /// <returns>The report, for the adoptions and takeovers to show.</returns>
    /// <exception cref="OwnershipConflictException">A declared resource belongs to another stack and <paramref name="takeOver"/> is false.</exception>
    public static OwnershipReport Require(
        StackOwner self,
        IEnumerable<ResourceAddress> declared,
        IReadOnlyDictionary<ResourceAddress, JsonObject> live,
        bool takeOver)
    {
        var addresses = declared.ToList();
        var report = Evaluate(self, addresses.Select(a => KeyValuePair.Create(a, live.GetValueOrDefault(a))), takeOver);
        report.ThrowIfConflicts(addresses);
        return report;
    }

    /// <param name="self">The stack that is running (project and stack name).</param>
    /// <param name="live">
    /// The resources to check and their live bodies as Port returns them (null or absent: the resource
    /// does not exist, so there is nothing to check). The owner mark is read from <c>description</c>,
    /// which every kind of resource has.
    /// </param>
    /// <param name="takeOver"><c>--take-over</c> / <c>infra:takeOver</c>: another stack's resources become this stack's.</param>
    public static OwnershipReport Evaluate(StackOwner self, IEnumerable<KeyValuePair<ResourceAddress, JsonObject?>> live, bool takeOver)
    {
        var findings = new Dictionary<ResourceAddress, OwnershipFinding>();
        foreach (var (address, body) in live)
        {
            // Entities and parts of other resources (an action's permissions) carry no mark of their own.
            if (body is null || address.Kind == ResourceKind.Entity || address.Kind.LivesIn is not null || findings.ContainsKey(address))
            {
                continue;
            }

            // Kinds without a description (a Spacelift named webhook) carry the mark as a label.
            var marked = address.Kind.MarksInLabels ? OwnerLabel.Read(body["labels"]) : OwnerMark.Read(JsonWire.String(body["description"]));
            var status = marked is null ? OwnershipStatus.Unmarked
                : marked == self ? OwnershipStatus.Ours
                : takeOver ? OwnershipStatus.TakenOver
                : OwnershipStatus.Foreign;
            findings[address] = new OwnershipFinding(address, status, marked);
        }

        return new OwnershipReport(self, findings);
    }
}
