namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>Self-service actions; the provider and Port's routes treat them like automations.</summary>
    public static ResourceKind Action { get; } = new()
    {
        Name = "Action",
        TypeToken = "port:index/action:Action",
        ServerDefaults = [new ServerDefault("publish", true)],
    };

    /// <summary>
    /// Automations are actions with an event trigger: same routes and type token. A kind of their own so
    /// plans and state name them apart.
    /// </summary>
    public static ResourceKind Automation { get; } = new()
    {
        Name = "Automation",
        TypeToken = "port:index/action:Action",
        ServerDefaults = [new ServerDefault("publish", true)],
    };
}
