using Infra.Cli.Config;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Stacks;

/// <summary><c>infra:tokenRenewalLoop</c> and <c>infra:tokenRenewalMarginMinutes</c>, as the program reads them.</summary>
public sealed class RenewalLoopConfigTests
{
    private static RenewalLoop? Read(params (string Key, string Value)[] values)
        => RenewalLoopConfig.Read(new TestStackConfig(values.ToDictionary(v => v.Key, v => v.Value)));

    [Fact]
    public void OnByDefaultWithATenMinuteMargin() => Assert.Equal(RenewalLoop.Default, Read());

    [Fact]
    public void FalseTurnsItOff() => Assert.Null(Read(("infra:tokenRenewalLoop", "false")));

    [Fact]
    public void TheMarginIsTakenInMinutes()
        => Assert.Equal(TimeSpan.FromMinutes(25), Read(("infra:tokenRenewalMarginMinutes", "25"))!.Margin);

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    public void AMarginOutsideOneMinuteToADayIsOneConfigurationError(string minutes)
    {
        var error = Assert.Throws<ConfigException>(() => Read(("infra:tokenRenewalMarginMinutes", minutes)));

        Assert.Equal($"configuration key 'infra:tokenRenewalMarginMinutes' must be between 1 and 1440, got '{minutes}'", error.Message);
    }
}
