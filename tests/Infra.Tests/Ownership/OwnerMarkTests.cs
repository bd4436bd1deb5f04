using Infra.Sdk;

namespace Infra.Tests.Ownership;

public sealed class OwnerMarkTests
{
    private static readonly StackOwner Dev = new("infra", "dev");

    [Fact]
    public void A_formatted_mark_reads_back_as_its_owner()
    {
        var description = OwnerMark.Append("Managed by infra", Dev) + " \u00b7 fp:abcdefghijklmnopqrstuv";

        Assert.Equal("Managed by infra \u00b7 owner:infra/dev \u00b7 fp:abcdefghijklmnopqrstuv", description);
        Assert.Equal(Dev, OwnerMark.Read(description));
    }

    [Theory]
    [InlineData("owner:infra/dev", "infra", "dev")]
    [InlineData("A self service action \u00b7 owner:my-project/prod.eu_2", "my-project", "prod.eu_2")]
    [InlineData("Managed by infra \u00b7 owner:infra/ci \u00b7 validUntil:2026-01-01T00:00:00Z", "infra", "ci")]
    public void Reads_the_owner_wherever_the_segment_stands(string description, string project, string stack)
        => Assert.Equal(new StackOwner(project, stack), OwnerMark.Read(description));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Refreshed Spacelift API token")]
    [InlineData("Managed by infra \u00b7 fp:abcdefghijklmnopqrstuv")]
    [InlineData("owner:infra")]
    [InlineData("owner:/dev")]
    [InlineData("owner:infra/")]
    [InlineData("coowner:infra/dev")]
    [InlineData("owner:infra/dev!")]
    public void A_description_without_a_well_formed_mark_has_no_owner(string? description)
        => Assert.Null(OwnerMark.Read(description));

    [Fact]
    public void An_empty_description_becomes_the_mark_alone()
        => Assert.Equal("owner:infra/dev", OwnerMark.Append("", Dev));
}
