namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// The aggregation properties of one blueprint (numbers Port computes over related entities), declared
    /// apart from the blueprint as Port's Terraform provider and its Pulumi package do
    /// (<c>port_aggregation_properties</c>, <c>port:index/aggregationProperties:AggregationProperties</c>):
    /// an aggregation's target must exist, and the target often relates back to the blueprint (runs to their
    /// stack), so it can only be added once both blueprints exist. It lives in its blueprint
    /// (<see cref="LivesIn"/>): read with the blueprint, written by putting the blueprint back whole with the
    /// declared <c>aggregationProperties</c>, and deleted by putting it back without them. The body names the blueprint in
    /// <c>blueprintIdentifier</c> (the provider's input), which is not sent and not compared.
    /// </summary>
    public static ResourceKind AggregationProperties { get; } = new()
    {
        Name = "AggregationProperties",
        TypeToken = "port:index/aggregationProperties:AggregationProperties",
        IdentifierField = "blueprintIdentifier",
        ComparedFields = ["aggregationProperties"],
        LivesInKind = nameof(Blueprint),
        DeletedByClearing = true,
    };
}
