namespace Infra.Cli.Spacelift;

/// <summary>The GraphQL documents the client sends, written the way Spacelift's own spacectl sends them.</summary>
internal static class SpaceliftQueries
{
    /// <summary>spacectl's exact text; sent without Authorization, since it is what produces the token.</summary>
    public const string MintToken = "mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt,validUntil}}";

    /// <summary>
    /// One page of stacks plus <c>viewer</c>: Spacelift answers a token it no longer accepts with empty
    /// data and no error, so a null viewer is the only way to tell "logged out" from "no stacks".
    /// </summary>
    public const string SearchStacks =
        "query($input:SearchInput!){searchStacks(input: $input){edges{node{id,name,space,description,labels,repository,state,provider,branch}}," +
        "pageInfo{endCursor,hasNextPage,hasPreviousPage}},viewer{id}}";

    /// <summary>
    /// The page size Spacelift's own clients ask for: spacectl's <c>maxPageSize</c> in
    /// <c>internal/cmd/stack/list.go</c> (490d0dd) and the Terraform provider's <c>first</c> in
    /// <c>spacelift/data_stacks.go</c> (8565261). Nothing public shows a larger page accepted; whether Spacelift
    /// cuts or refuses a larger one is unknown (docs/unknowns.md).
    /// </summary>
    public const int PageSize = 50;
}
