using Infra.Cli.Config;
using Infra.Tests.Config;

namespace Infra.Tests.Ownership;

/// <summary><c>infra:nameSuffix</c> and <c>infra:takeOver</c> as the loader reads them from the repository's Pulumi.yaml.</summary>
public sealed class NameSuffixConfigTests
{
    private const string Complete = MinimalStack.Yaml;

    [Fact]
    public void By_default_there_is_no_suffix_and_no_takeover()
    {
        using var project = new TempProject().WithStack("test", Complete);

        var settings = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>()).Settings;

        Assert.Equal("", settings.NameSuffix);
        Assert.False(settings.TakeOver);
    }

    [Fact]
    public void The_stack_file_and_the_environment_set_them()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:nameSuffix: eu\n");

        var fromFile = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>()).Settings;
        var fromEnvironment = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?> { ["INFRA_NAME_SUFFIX"] = "us_2", ["INFRA_TAKE_OVER"] = "true" }).Settings;

        Assert.Equal("eu", fromFile.NameSuffix);
        Assert.Equal("us_2", fromEnvironment.NameSuffix);
        Assert.True(fromEnvironment.TakeOver);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("eu-west")]
    [InlineData("eu west")]
    public void A_bad_suffix_is_one_line_naming_the_key_its_variable_and_the_value(string suffix)
    {
        using var project = new TempProject().WithStack("test", Complete + $"  infra:nameSuffix: '{suffix}'\n");

        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>()),
            "Pulumi.test.yaml",
            "'infra:nameSuffix' (env INFRA_NAME_SUFFIX)",
            $"'{suffix}'",
            "lower-case letters, digits and '_'");
    }
}
