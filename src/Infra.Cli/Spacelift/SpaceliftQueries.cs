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

    /// <summary>
    /// Every space, as spacectl's <c>list_spaces</c> reads them (<c>internal/cmd/space/mcp.go</c> at 490d0dd:
    /// <c>spaces</c> with <c>id name description parentSpace inheritEntities labels</c>), plus <c>viewer</c>:
    /// without a valid token Spacelift answers an empty list and no error.
    /// </summary>
    public const string Spaces = "query{spaces{id,name,description,parentSpace,inheritEntities,labels},viewer{id}}";

    /// <summary>
    /// One page of a stack's runs, newest first, as spacectl's <c>stack run list</c> reads them
    /// (<c>internal/cmd/stack/run_list.go</c> at 490d0dd: <c>stack(id: $stackId){runs(before: $before){…}}</c>,
    /// the next page named by the last run's id), with the fields the catalogue maps (<c>type</c> and
    /// <c>updatedAt</c> as the Port guide's trigger reads them from <c>runTrigger</c>), plus <c>viewer</c>:
    /// without a valid token Spacelift answers <c>stack: null</c>, which would read as a deleted stack.
    /// </summary>
    public const string StackRuns =
        "query($before:ID$stackId:ID!){stack(id: $stackId){runs(before: $before){id,type,state,branch,createdAt,updatedAt,triggeredBy,driftDetection," +
        "commit{hash,message,authorName,authorLogin},delta{addCount,changeCount,deleteCount,resources}}},viewer{id}}";

    /// <summary>
    /// Pages of runs read per stack at most: Spacelift's page size is not published (spacectl pages until it has
    /// what it asked for), and tasks share the list with tracked runs; past this the stack's read stops where it is.
    /// </summary>
    public const int MaxRunPages = 20;
}
