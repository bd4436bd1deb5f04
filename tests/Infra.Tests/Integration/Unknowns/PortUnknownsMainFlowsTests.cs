namespace Infra.Tests.Integration.Unknowns;

/// <summary>The main flows under each setting of Port's switches (docs/unknowns.md, "Main flows under each setting").</summary>
[Trait("Category", "Integration")]
public sealed class PortUnknownsMainFlowsTests
{
    [Theory]
    [InlineData("--port-webhook-secret returned")]
    [InlineData("--port-webhook-secret omitted")]
    [InlineData("--port-webhook-secret masked")]
    [InlineData("--port-team-ids distinct")]
    [InlineData("--port-mapping-operation-string refuse")]
    [InlineData("--port-timer-after-expiry clear")]
    [InlineData("--port-past-timers skip")]
    [InlineData("--port-upsert-entity replace")]
    public Task TheMainFlowsPass(string flags) => MainFlows.RunAsync(flags);
}
