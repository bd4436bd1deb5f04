namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// Port's webhook data source (live updates): it maps Spacelift's run events onto entities. Port
    /// makes up <c>url</c> and <c>webhookKey</c>; the signing secret is <see cref="SharedSecret"/>, which Port
    /// may answer in clear, leave out or mask (docs/unknowns.md): only its fingerprint is compared. Answers wrap it in
    /// <c>integration</c> (Port's Terraform provider reads that key; the OpenAPI document gives no 2xx schema).
    /// </summary>
    public static ResourceKind Webhook { get; } = new()
    {
        Name = "Webhook",
        TypeToken = "port:index/webhook:Webhook",
        ServerFields = ["url", "webhookKey", "orgId"],
        ServerDefaults = [new ServerDefault("enabled", true)],
        SharedSecret = new SharedSecretField(["security", "secret"], ReadBack: true),
    };
}
