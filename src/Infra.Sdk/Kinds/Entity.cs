namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// Entities of a blueprint: declared in sets (<see cref="EntitySet"/>), read with the blueprint-scoped
    /// search and written and deleted in bulk per blueprint, after it. Port adds the blueprint to each.
    /// </summary>
    public static ResourceKind Entity { get; } = new()
    {
        Name = "Entity",
        TypeToken = "port:index/entity:Entity",
        ServerFields = ["blueprint"],
        // Ownership in Port (people assign teams to entities), which a program that does not map it leaves as it is.
        KeptFields = ["team"],
        BulkPerBlueprint = true,
    };
}
