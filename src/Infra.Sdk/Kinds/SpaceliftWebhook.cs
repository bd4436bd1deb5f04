namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// A Spacelift named webhook (live updates), posting to the Port webhook's url. It has no
    /// description, so the owner mark and the secret's fingerprint are labels; Spacelift never gives
    /// the secret back. Its id is the slug of its name.
    /// </summary>
    public static ResourceKind SpaceliftWebhook { get; } = new()
    {
        Name = "SpaceliftWebhook",
        TypeToken = "spacelift:index/namedWebhook:NamedWebhook",
        Order = 7,
        Service = ResourceService.Spacelift,
        EnvelopeKey = "namedWebhooksIntegration",
        IdentifierField = "name",
        MarksInLabels = true,
        SharedSecret = new SharedSecretField(["secret"], ReadBack: false),
        Spacelift = new SpaceliftDocuments(
            Read: "query($id:ID!){namedWebhooksIntegration(id: $id){id,enabled,endpoint,space{id},name,labels,retryOnFailure},viewer{id}}",
            ReadField: "namedWebhooksIntegration",
            Create: "mutation($input:NamedWebhooksIntegrationInput!){namedWebhooksIntegrationCreate(input: $input){id,enabled}}",
            CreateField: "namedWebhooksIntegrationCreate",
            Update: "mutation($id:ID!$input:NamedWebhooksIntegrationInput!){namedWebhooksIntegrationUpdate(id: $id, input: $input){id,enabled}}",
            UpdateField: "namedWebhooksIntegrationUpdate",
            Delete: "mutation($id:ID!){namedWebhooksIntegrationDelete(id: $id){id}}",
            DeleteField: "namedWebhooksIntegrationDelete")
        {
            ObjectIdFields = ["space"],
        },
    };
}
