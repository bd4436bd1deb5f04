using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>How both executors set a field from a minted secret's expiry (a timer armed from the token).</summary>
public sealed class ExpiryReferencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResourceAddress Token = new(ResourceKind.Secret, "SPACELIFT_TOKEN");
    private static readonly ExpiryReference Timer = new(["properties", "renew_at"], Token, TimeSpan.FromMinutes(10)) { Advice = "lower the margin" };

    private static readonly DesiredResource Lease = new(new ResourceAddress(ResourceKind.Entity, "SPACELIFT_TOKEN", "lease"), new JsonObject
    {
        ["identifier"] = "SPACELIFT_TOKEN",
        ["properties"] = new JsonObject { ["status"] = "RENEWED" },
    })
    {
        Expiries = [Timer, new ExpiryReference(["properties", "valid_until"], Token, TimeSpan.Zero)],
    };

    [Fact]
    public void ARecordedExpiryFillsEachFieldAsJqTodatePrintsItAndLeavesTheDeclaredBodyAlone()
    {
        var body = ExpiryReferences.Resolve(Lease, _ => Now.AddHours(1));

        Assert.Equal("2026-12-01T12:50:00Z", body["properties"]!["renew_at"]!.GetValue<string>());
        Assert.Equal("2026-12-01T13:00:00Z", body["properties"]!["valid_until"]!.GetValue<string>());
        Assert.Equal("RENEWED", body["properties"]!["status"]!.GetValue<string>());
        Assert.False(Lease.Body["properties"]!.AsObject().ContainsKey("renew_at"));
        Assert.False(ExpiryReferences.HasUnknowns(Lease, body));
    }

    [Fact]
    public void AValueMintedInThisRunIsUnknownUntilApplied()
    {
        var body = ExpiryReferences.Resolve(Lease, _ => null);

        Assert.Equal(OutputReference.Unknown, body["properties"]!["renew_at"]!.GetValue<string>());
        Assert.True(ExpiryReferences.HasUnknowns(Lease, body));
    }

    [Theory]
    [InlineData("2026-12-01T12:50:00.000Z")]
    [InlineData("2026-12-01T13:50:00+01:00")]
    public void TheSameInstantSpelledOtherwiseInPortKeepsPortsSpellingSoItIsNoDifference(string held)
    {
        var live = new JsonObject { ["properties"] = new JsonObject { ["renew_at"] = held } };

        var body = ExpiryReferences.Resolve(Lease, _ => Now.AddHours(1), live);

        Assert.Equal(held, body["properties"]!["renew_at"]!.GetValue<string>());
    }

    [Fact]
    public void AnotherInstantInPortIsReplaced()
    {
        var live = new JsonObject { ["properties"] = new JsonObject { ["renew_at"] = "2026-12-01T12:40:00Z" } };

        Assert.Equal("2026-12-01T12:50:00Z", ExpiryReferences.Resolve(Lease, _ => Now.AddHours(1), live)["properties"]!["renew_at"]!.GetValue<string>());
    }

    [Fact]
    public void ApplyFillsTheUnknownFieldsFromTheValueJustMinted()
    {
        var planned = Lease with { Body = ExpiryReferences.Resolve(Lease, _ => null) };

        var (body, problem) = ExpiryReferences.Complete(planned, a => a == Token ? Now.AddHours(1) : null, Now);

        Assert.Null(problem);
        Assert.Equal("2026-12-01T12:50:00Z", body!["properties"]!["renew_at"]!.GetValue<string>());
        Assert.Equal("2026-12-01T13:00:00Z", body["properties"]!["valid_until"]!.GetValue<string>());
    }

    [Fact]
    public void ApplyLeavesKnownFieldsAsPlanned()
    {
        var planned = Lease with { Body = ExpiryReferences.Resolve(Lease, _ => Now.AddHours(5)) };

        var (body, problem) = ExpiryReferences.Complete(planned, _ => Now.AddHours(1), Now);

        Assert.Null(problem);
        Assert.Same(planned.Body, body);
    }

    [Fact]
    public void AValueThatWasNotMintedCannotSetTheField()
    {
        var planned = Lease with { Body = ExpiryReferences.Resolve(Lease, _ => null) };

        var (body, problem) = ExpiryReferences.Complete(planned, _ => null, Now);

        Assert.Null(body);
        Assert.Equal("SPACELIFT_TOKEN was not minted in this run, so properties.renew_at cannot be set", problem);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(5, true)]
    [InlineData(11, false)]
    public void AValueThatLivesNoLongerThanTheMarginIsRefusedRatherThanArmedInThePast(int lifetimeMinutes, bool refused)
    {
        var planned = Lease with { Body = ExpiryReferences.Resolve(Lease, _ => null) };

        var (body, problem) = ExpiryReferences.Complete(planned, _ => Now.AddMinutes(lifetimeMinutes), Now);

        Assert.Equal(refused, body is null);
        if (refused)
        {
            Assert.Equal(
                $"properties.renew_at would be {ExpiryReferences.Format(Now.AddMinutes(lifetimeMinutes - 10))}, already past: the SPACELIFT_TOKEN minted now is valid for {lifetimeMinutes}m, "
                + "not longer than the 10m before its expiry that properties.renew_at is set to; lower the margin",
                problem);
        }
    }

    [Fact]
    public void AnExpiryReferenceMakesItsSourceADependencyOfTheEntityAndOfItsSet()
    {
        Assert.Contains(Token, Dependencies.Of(Lease));
        Assert.Contains(Token, Dependencies.Of(new EntitySet("lease", [Lease], new DataRead("infra", "leases", 1))));
        Assert.DoesNotContain(Token, Dependencies.Of(new EntitySet("lease", [], new DataRead("infra", "leases", 0))));
    }
}
