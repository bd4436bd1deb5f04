using Infra.Sdk.ProviderInputs;

namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// Entities of a blueprint: no collection of their own (read with the blueprint-scoped search,
    /// written and deleted in bulk per blueprint), applied last. Port adds the blueprint to each.
    /// </summary>
    public static ResourceKind Entity { get; } = new()
    {
        Name = "Entity",
        TypeToken = "port:index/entity:Entity",
        Order = 5,
        EnvelopeKey = "entity",
        ServerFields = ["blueprint"],
        ProviderInputs = new EntityInputs(),
    };
}
