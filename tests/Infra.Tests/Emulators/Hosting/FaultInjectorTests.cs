using Emulators.Faults;

namespace Infra.Tests.Emulators.Hosting;

public sealed class FaultInjectorTests
{
    [Fact]
    public void SameSeedGivesTheSameFaultsForTheSameRequests()
    {
        var first = Sequence("port:500=0.3,port:drop=0.2", seed: 42);
        var second = Sequence("port:500=0.3,port:drop=0.2", seed: 42);
        var other = Sequence("port:500=0.3,port:drop=0.2", seed: 43);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(f => f == FaultKind.InternalServerError), 40, 80);
        Assert.InRange(first.Count(f => f == FaultKind.Drop), 20, 60);
    }

    [Fact]
    public void AuthGroupIsSparedUnlessNamed()
    {
        var injector = new FaultInjector();
        injector.Configure("spacelift:500=1", seed: 1);

        Assert.Null(injector.Decide("spacelift", "auth"));
        Assert.Equal(FaultKind.InternalServerError, injector.Decide("spacelift", "query"));

        injector.Configure("spacelift.auth:500=1", seed: 1);
        Assert.Equal(FaultKind.InternalServerError, injector.Decide("spacelift", "auth"));
        Assert.Null(injector.Decide("spacelift", "query"));
    }

    [Fact]
    public void RulesOnlyCoverTheirService()
    {
        var injector = new FaultInjector();
        injector.Configure("port.entities:503=1", seed: 1);

        Assert.Null(injector.Decide("spacelift", "query"));
        Assert.Null(injector.Decide("port", "blueprints"));
        Assert.Equal(FaultKind.ServiceUnavailable, injector.Decide("port", "entities"));
    }

    [Fact]
    public void CountsInjectedFaultsPerKindAndClearStopsThem()
    {
        var injector = new FaultInjector();
        injector.Configure("port:429=1", seed: 1);
        for (var i = 0; i < 3; i++)
        {
            injector.Decide("port", "entities");
        }

        injector.Clear();
        var afterClear = injector.Decide("port", "entities");

        Assert.Null(afterClear);
        Assert.Equal(3, injector.Injected(FaultKind.TooManyRequests));
        Assert.Equal(3, injector.InjectedTotal);
        injector.ResetCounts();
        Assert.Equal(0, injector.InjectedTotal);
    }

    [Fact]
    public void BadSpecLeavesTheRulesAsTheyWere()
    {
        var injector = new FaultInjector();
        injector.Configure("port:500=1", seed: 1);

        Assert.Throws<FaultSpecException>(() => injector.Configure("port:5000=1", seed: 1));

        Assert.Equal(FaultKind.InternalServerError, injector.Decide("port", null));
    }

    private static IReadOnlyList<FaultKind?> Sequence(string spec, int seed)
    {
        var injector = new FaultInjector();
        injector.Configure(spec, seed);
        return Enumerable.Range(0, 200).Select(_ => injector.Decide("port", "entities")).ToArray();
    }
}
