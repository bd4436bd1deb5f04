using Infra.Cli.Config;
using Infra.Tests.Config;
using Infra.Tests.Support;

namespace Infra.Tests.Ownership;

/// <summary><c>infra:nameSuffix</c> and <c>infra:takeOver</c> as the loader reads them from the repository's Pulumi.yaml.</summary>
public sealed class NameSuffixConfigTests
{
    private const string Complete = MinimalStack.Yaml;

    [Fact]
    public void By_default_there_is_no_suffix_and_no_takeover()
    {
        using var project = new TempProject().WithStack("test", Complete);

        var config = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>());

        Assert.Equal("", ProgramInputs.Read(config).Names.Suffix);
        Assert.False(config.Settings.TakeOver);
    }

    [Fact]
    public void The_stack_file_and_the_environment_set_them()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:nameSuffix: eu\n");

        var fromFile = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>());
        var fromEnvironment = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?> { ["INFRA_NAME_SUFFIX"] = "us_2", ["INFRA_TAKE_OVER"] = "true" });

        Assert.Equal("eu", ProgramInputs.Read(fromFile).Names.Suffix);
        Assert.Equal("us_2", ProgramInputs.Read(fromEnvironment).Names.Suffix);
        Assert.True(fromEnvironment.Settings.TakeOver);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("eu-west")]
    [InlineData("eu west")]
    public void A_bad_suffix_is_one_line_naming_the_key_its_variable_and_the_value(string suffix)
    {
        using var project = new TempProject().WithStack("test", Complete + $"  infra:nameSuffix: '{suffix}'\n");

        ConfigAssert.Fails(
            () => ProgramInputs.Read(StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>())),
            "Pulumi.test.yaml",
            "'infra:nameSuffix' (env INFRA_NAME_SUFFIX)",
            $"'{suffix}'",
            "lower-case letters, digits and '_'");
    }
}
