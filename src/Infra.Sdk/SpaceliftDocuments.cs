namespace Infra.Sdk;

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
public sealed record SpaceliftDocuments(
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
}
