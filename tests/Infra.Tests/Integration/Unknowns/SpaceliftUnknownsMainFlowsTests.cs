namespace Infra.Tests.Integration.Unknowns;

/// <summary>The main flows under each setting of Spacelift's switches (docs/unknowns.md, "Main flows under each setting").</summary>
[Trait("Category", "Integration")]
public sealed class SpaceliftUnknownsMainFlowsTests
{
    [Theory]
    [InlineData("--spacelift-absent-read not-found")]
    [InlineData("--spacelift-absent-read stacks-null")]
    [InlineData("--spacelift-ids suffixed")]
    [InlineData("--spacelift-page-cap 50 --spacelift-oversized-page clamp")]
    [InlineData("--spacelift-page-cap 50 --spacelift-oversized-page error")]
    [InlineData("--spacelift-wrong-secret null")]
    public Task TheMainFlowsPass(string flags) => MainFlows.RunAsync(flags);
}
