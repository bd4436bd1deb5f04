namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    public static ResourceKind Blueprint { get; } = new()
    {
        Name = "Blueprint",
        TypeToken = "port:index/blueprint:Blueprint",
        // Declared apart (AggregationProperties): an aggregation over a blueprint that relates to this one
        // can only be added once that one exists.
        PartFields = ["aggregationProperties"],
    };
}
