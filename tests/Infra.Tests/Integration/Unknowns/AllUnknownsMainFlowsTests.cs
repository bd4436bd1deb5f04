namespace Infra.Tests.Integration.Unknowns;

/// <summary>
/// The main flows with every switch at its default (the answers the emulators gave before the switches
/// existed), and with every switch at its less convenient answer at once (<c>--unknowns inconvenient</c>).
/// </summary>
[Trait("Category", "Integration")]
public sealed class AllUnknownsMainFlowsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--unknowns inconvenient")]
    public Task TheMainFlowsPass(string flags) => MainFlows.RunAsync(flags);
}
