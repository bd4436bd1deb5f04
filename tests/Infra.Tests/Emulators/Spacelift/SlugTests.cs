using Emulators.Spacelift.Stacks;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>Stack ids follow the gosimple/slug rules Spacelift's operator uses.</summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("My Stack 1", "my-stack-1")]
    [InlineData("bacon bacon", "bacon-bacon")]
    [InlineData("turtle 🐢", "turtle-emoji-turtle")]
    [InlineData("ąśśdasdaććąsadwsd", "assdasdaccasadwsd")]
    [InlineData("  --Hello, \"World\"!--  ", "hello-world")]
    [InlineData("Ops & Tools @ HQ", "ops-and-tools-at-hq")]
    [InlineData("it’s a – test", "its-a-test")]
    [InlineData("snake_case name", "snake_case-name")]
    [InlineData("Zu\u0308rich Straße", "zurich-strasse")]
    public void MakeFollowsGosimpleRules(string name, string expected)
    {
        Assert.Equal(expected, Slug.Make(name));
    }

    [Fact]
    public void MakeCapsAt256Characters()
    {
        Assert.Equal(256, Slug.Make(new string('a', 300)).Length);
    }

    [Fact]
    public void MakeUniqueAddsTheFirstFreeSuffix()
    {
        var taken = new HashSet<string>(["my-stack", "my-stack-2"]);

        Assert.Equal("my-stack-3", Slug.MakeUnique("My Stack", taken.Contains));
        Assert.Equal("stack", Slug.MakeUnique("!!!", taken.Contains));
    }
}
