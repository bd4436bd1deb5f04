using Infra.Sdk.ProviderInputs;

namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    public static ResourceKind Blueprint { get; } = new()
    {
        Name = "Blueprint",
        TypeToken = "port:index/blueprint:Blueprint",
        Order = 0,
        Collection = "v1/blueprints",
        EnvelopeKey = "blueprint",
        ProviderInputs = new BlueprintInputs(),
    };
}
