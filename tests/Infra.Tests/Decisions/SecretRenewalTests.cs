using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>When a minted value is minted again: the one rule both executors call.</summary>
public sealed class SecretRenewalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(2);

    private static string Recorded(TimeSpan fromNow) => SecretRecord.WithValidUntil("Managed by infra", Now + fromNow);

    private static string? Reason(string? description, bool exists = true, IReadOnlyList<string>? changed = null, string? ownWriter = null, string? forcedBy = null)
        => SecretRenewal.Reason(description, exists, changed ?? [], Now, Window, ownWriter, forcedBy);

    [Fact]
    public void AMissingValueIsMinted()
        => Assert.Equal("not in Port yet: will mint one", Reason(null, exists: false));

    [Theory]
    [InlineData(null)]
    [InlineData("Refreshed Spacelift API token")]
    [InlineData("Managed by infra · validUntil:soon")]
    public void AValueWithoutAReadableExpiryIsMintedAgain(string? description)
        => Assert.StartsWith("no readable validUntil", Reason(description));

    [Theory]
    [InlineData(121, null)]
    [InlineData(120, "will re-mint (expires in 2h, inside the 2h window)")]
    [InlineData(40, "will re-mint (expires in 40m, inside the 2h window)")]
    [InlineData(-90, "will re-mint (expired 1h30m ago)")]
    public void TheWindowIsMeasuredFromTheRecordedExpiry(int minutesLeft, string? expected)
        => Assert.Equal(expected, Reason(Recorded(TimeSpan.FromMinutes(minutesLeft))));

    [Fact]
    public void AFarExpiryIsTrustedWhateverTheUsualLifetime()
        => Assert.Null(Reason(Recorded(TimeSpan.FromDays(30))));

    [Fact]
    public void AChangedSourceValueMintsAgainWhateverTheExpiry()
        => Assert.Equal("the value it is minted from changes (SPACELIFT_API_KEY_SECRET): will re-mint", Reason(Recorded(TimeSpan.FromDays(1)), changed: ["SPACELIFT_API_KEY_SECRET"]));

    [Fact]
    public void AnExecutorThatKeepsOnlyItsOwnValuesMintsOneItDidNotWrite()
    {
        var byOther = Recorded(TimeSpan.FromDays(1));

        Assert.StartsWith("last written by another executor", Reason(byOther, ownWriter: "pulumi"));
        Assert.Null(Reason(SecretRecord.WithWriter(byOther, "pulumi"), ownWriter: "pulumi"));
    }

    [Fact]
    public void ARotationAskedForMintsWhateverTheRecord()
        => Assert.Equal("rotation was asked for (infra:rotateSpaceliftToken)", Reason(Recorded(TimeSpan.FromDays(1)), forcedBy: "infra:rotateSpaceliftToken"));
}
