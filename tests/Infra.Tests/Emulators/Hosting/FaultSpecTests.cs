using Emulators.Faults;

namespace Infra.Tests.Emulators.Hosting;

public sealed class FaultSpecTests
{
    [Fact]
    public void ParsesServicesGroupsKindsAndShares()
    {
        var rules = FaultSpec.Parse("port:429=0.1, spacelift.auth:drop=1,port.entities:slow=0.25,spacelift:502=0,port:500=0.5,port:503=0.05");

        Assert.Equal(
            [
                new FaultRule("port", null, FaultKind.TooManyRequests, 0.1),
                new FaultRule("spacelift", "auth", FaultKind.Drop, 1),
                new FaultRule("port", "entities", FaultKind.Slow, 0.25),
                new FaultRule("spacelift", null, FaultKind.BadGateway, 0),
                new FaultRule("port", null, FaultKind.InternalServerError, 0.5),
                new FaultRule("port", null, FaultKind.ServiceUnavailable, 0.05),
            ],
            rules);
    }

    [Theory]
    [InlineData("github:500=0.1", "'github'")]
    [InlineData("port.graphql:500=0.1", "'graphql'")]
    [InlineData("spacelift.entities:500=0.1", "'entities'")]
    [InlineData("port:404=0.1", "'404'")]
    [InlineData("port:500=1.5", "'1.5'")]
    [InlineData("port:500=lots", "'lots'")]
    [InlineData("port:500=0.1,port500", "'port500'")]
    public void BadPartIsNamedInTheError(string spec, string named)
    {
        var error = Assert.Throws<FaultSpecException>(() => FaultSpec.Parse(spec));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySpecHasNoRules()
    {
        Assert.Empty(FaultSpec.Parse(" "));
    }
}
