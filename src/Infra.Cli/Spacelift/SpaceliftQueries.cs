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

    /// <summary>The largest page size the documentation shows Spacelift accepting (spacectl's own searches use 50).</summary>
    public const int PageSize = 100;
}
