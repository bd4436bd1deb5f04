using Infra.Cli.Engine.Planning;
using Infra.Cli.Engine;

namespace Infra.Tests.Engine;

public sealed class TokenRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(2);

    private static string Recorded(TimeSpan fromNow) => SecretDescription.WithValidUntil("Managed by infra", Now + fromNow);

    [Fact]
    public void AMissingTokenIsDue()
        => Assert.Equal("no token in Port yet: will mint one", TokenRotation.DueReason(false, null, Now, Window));

    [Theory]
    [InlineData(null)]
    [InlineData("Refreshed Spacelift API token")]
    [InlineData("Managed by infra · validUntil:soon")]
    public void ATokenWithoutAReadableExpiryIsDue(string? description)
        => Assert.StartsWith("no readable validUntil", TokenRotation.DueReason(true, description, Now, Window));

    [Theory]
    [InlineData(121, null)]
    [InlineData(120, "will re-mint (expires in 2h, inside the 2h window)")]
    [InlineData(40, "will re-mint (expires in 40m, inside the 2h window)")]
    [InlineData(-90, "will re-mint (expired 1h30m ago)")]
    public void TheWindowIsMeasuredFromTheRecordedExpiry(int minutesLeft, string? expected)
        => Assert.Equal(expected, TokenRotation.DueReason(true, Recorded(TimeSpan.FromMinutes(minutesLeft)), Now, Window));

    [Fact]
    public void AFarExpiryIsTrustedWhateverTheUsualLifetime()
        => Assert.Null(TokenRotation.DueReason(true, Recorded(TimeSpan.FromDays(30)), Now, Window));
}
