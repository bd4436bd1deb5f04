using Infra.Sdk;

namespace Infra.Cli.Spacelift;

/// <summary>
/// The GraphQL documents of one Spacelift resource kind, as Spacelift's Terraform provider sends them
/// (docs/spacelift-api.md): each takes <c>$id</c> and/or <c>$input</c>, and each answer's resource is
/// under the field named beside it. Reads also ask for <c>viewer{id}</c>: Spacelift answers a token it
/// no longer accepts with null data and no error, so only a null viewer tells "logged out" from "absent".
/// </summary>
/// <param name="Read">Query; the answer's <paramref name="ReadField"/> is null when the id is unknown.</param>
/// <param name="Create">Mutation taking <c>$input</c>; its answer's <paramref name="CreateField"/> carries the new id.</param>
/// <param name="Update">Mutation taking <c>$id</c> and <c>$input</c>.</param>
/// <param name="Delete">Mutation taking <c>$id</c>.</param>
internal sealed record SpaceliftDocuments(
    string Read,
    string ReadField,
    string Create,
    string CreateField,
    string Update,
    string UpdateField,
    string Delete,
    string DeleteField)
{
    /// <summary>Input fields the update's input type does not take (a policy's <c>type</c> is fixed at creation).</summary>
    public IReadOnlyList<string> NotUpdatable { get; init; } = [];

    /// <summary>Fields read back as an object <c>{id}</c> but written as the plain id (a named webhook's <c>space</c>).</summary>
    public IReadOnlyList<string> ObjectIdFields { get; init; } = [];

    /// <summary>
    /// Query listing every resource of the kind (with <c>viewer{id}</c>), so one can be found by name when its id is
    /// not known; when <see cref="ListPaged"/>, it takes <c>$input</c> (<c>SearchInput</c>) and answers a connection.
    /// </summary>
    public required string List { get; init; }

    /// <summary>The answer's field holding the list (or the connection).</summary>
    public required string ListField { get; init; }

    /// <summary>Whether <see cref="List"/> is paged by cursor (<c>edges{node}</c>, <c>pageInfo</c>) rather than one list.</summary>
    public bool ListPaged { get; init; }

    private static readonly Dictionary<ResourceKind, SpaceliftDocuments> Documents = new()
    {
        [ResourceKind.SpaceliftWebhook] = new(
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
            // spacelift-io/spacelift-api-bruno Spacelift/Webhooks/List Webhooks.bru (a9896a2): the only listing, paged by 50.
            List = "query($input:SearchInput!){searchNamedWebhooksIntegrations(input: $input){edges{node{id,enabled,endpoint,space{id},name,labels,retryOnFailure}}," +
                "pageInfo{endCursor,hasNextPage}},viewer{id}}",
            ListField = "searchNamedWebhooksIntegrations",
            ListPaged = true,
        },
        [ResourceKind.SpaceliftPolicy] = new(
            Read: "query($id:ID!){policy(id: $id){id,labels,name,body,type,space,description,engineType},viewer{id}}",
            ReadField: "policy",
            Create: "mutation($input:PolicyCreateInput!){policyCreatev2(input: $input){id}}",
            CreateField: "policyCreatev2",
            Update: "mutation($id:ID!$input:PolicyUpdateInput!){policyUpdatev2(id: $id, input: $input){id}}",
            UpdateField: "policyUpdatev2",
            Delete: "mutation($id:ID!){policyDelete(id: $id){id}}",
            DeleteField: "policyDelete")
        {
            // A policy's type is fixed at creation.
            NotUpdatable = ["type"],
            // Every policy of the account in one list: spacelift-io/terraform-provider-spacelift spacelift/data_policies.go
            // (85652615) and spacelift-api-bruno Spacelift/Policies/List Policies.bru (a9896a2).
            List = "query{policies{id,labels,name,body,type,space,description,engineType},viewer{id}}",
            ListField = "policies",
        },
    };

    /// <summary>The documents of a Spacelift kind.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a Spacelift kind.</exception>
    public static SpaceliftDocuments For(ResourceKind kind) =>
        Documents.GetValueOrDefault(kind) ?? throw new ArgumentException($"{kind} is not a Spacelift kind", nameof(kind));
}
