namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// A Spacelift notification policy (live updates): space-level, attached to no stack, routing tracked
    /// runs' state changes to the named webhook. Its id is the slug of its name; its type is fixed at
    /// creation, so updates leave it out.
    /// </summary>
    public static ResourceKind SpaceliftPolicy { get; } = new()
    {
        Name = "SpaceliftPolicy",
        TypeToken = "spacelift:index/policy:Policy",
        Order = 8,
        Service = ResourceService.Spacelift,
        EnvelopeKey = "policy",
        IdentifierField = "name",
        Spacelift = new SpaceliftDocuments(
            Read: "query($id:ID!){policy(id: $id){id,labels,name,body,type,space,description,engineType},viewer{id}}",
            ReadField: "policy",
            Create: "mutation($input:PolicyCreateInput!){policyCreatev2(input: $input){id}}",
            CreateField: "policyCreatev2",
            Update: "mutation($id:ID!$input:PolicyUpdateInput!){policyUpdatev2(id: $id, input: $input){id}}",
            UpdateField: "policyUpdatev2",
            Delete: "mutation($id:ID!){policyDelete(id: $id){id}}",
            DeleteField: "policyDelete")
        {
            NotUpdatable = ["type"],
        },
    };
}
