namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    public static ResourceKind Blueprint { get; } = new()
    {
        Name = "Blueprint",
        TypeToken = "port:index/blueprint:Blueprint",
    };
}
