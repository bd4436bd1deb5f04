namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// A Spacelift named webhook (live updates), posting to the Port webhook's url. It has no
    /// description, so the owner mark and the secret's fingerprint are labels; Spacelift never gives
    /// the secret back. Spacelift derives its id from its name.
    /// </summary>
    public static ResourceKind SpaceliftWebhook { get; } = new()
    {
        Name = "SpaceliftWebhook",
        TypeToken = "spacelift:index/namedWebhook:NamedWebhook",
        Service = ResourceService.Spacelift,
        IdentifierField = "name",
        MarksInLabels = true,
        SharedSecret = new SharedSecretField(["secret"], ReadBack: false),
    };
}
