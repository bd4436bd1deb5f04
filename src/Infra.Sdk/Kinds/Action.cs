using Infra.Sdk.ProviderInputs;

namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>Self-service actions; the provider and Port's routes treat them like automations.</summary>
    public static ResourceKind Action { get; } = new()
    {
        Name = "Action",
        TypeToken = "port:index/action:Action",
        Order = 2,
        Collection = "v1/actions",
        EnvelopeKey = "action",
        ServerDefaults = [new ServerDefault("publish", true)],
        ProviderInputs = new ActionInputs(),
    };

    /// <summary>
    /// Automations are actions with an event trigger: same routes and type token. A kind of their own so
    /// they apply after the actions and delete before them.
    /// </summary>
    public static ResourceKind Automation { get; } = new()
    {
        Name = "Automation",
        TypeToken = "port:index/action:Action",
        Order = 4,
        Collection = "v1/actions",
        EnvelopeKey = "action",
        ServerDefaults = [new ServerDefault("publish", true)],
        ProviderInputs = new ActionInputs(),
    };
}
