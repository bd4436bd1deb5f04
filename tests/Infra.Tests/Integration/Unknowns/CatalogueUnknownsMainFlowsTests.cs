namespace Infra.Tests.Integration.Unknowns;

/// <summary>
/// The full catalogue's main flows (<see cref="CatalogueFlows"/>) under every switch it meets
/// (docs/unknowns.md, "Main flows under each setting"): Port's relation answers, the mapping's operation,
/// the recorded author and the webhook secret on read; Spacelift's order of spaces, run pages, run lists per
/// request, absent reads and generated ids.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CatalogueUnknownsMainFlowsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--unknowns inconvenient")]
    [InlineData("--port-self-relation-on-create refuse")]
    [InlineData("--port-bulk-relations snapshot")]
    [InlineData("--port-delete-dependents any")]
    [InlineData("--port-dangling-relations keep")]
    [InlineData("--port-referenced-blueprint-delete allow")]
    [InlineData("--port-search-query-flags ignore")]
    [InlineData("--port-aggregation-refresh 900")]
    [InlineData("--port-mapping-operation-string refuse")]
    [InlineData("--port-author clients")]
    [InlineData("--port-author owner")]
    [InlineData("--port-webhook-secret omitted")]
    [InlineData("--port-webhook-secret masked")]
    [InlineData("--spaces-order children-first")]
    [InlineData("--runs-page-size 1")]
    [InlineData("--max-run-lists 1")]
    [InlineData("--spacelift-absent-read not-found")]
    [InlineData("--spacelift-absent-read stacks-null")]
    [InlineData("--spacelift-ids suffixed")]
    public Task TheCatalogueFlowsPass(string flags) => CatalogueFlows.RunAsync(flags);
}
