using Infra.Cli.Config;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Config;

/// <summary><c>infra:liveUpdates</c> and <c>infra:liveUpdatesSpace</c>: off by default, one-line errors naming the key.</summary>
public sealed class LiveUpdateConfigTests
{
    private const string Complete = MinimalStack.Yaml;

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void OffByDefault()
    {
        using var project = new TempProject().WithStack("test", Complete);

        Assert.Null(Read(project.Directory, "test", NoEnvironment).Live);
    }

    [Fact]
    public void OnTakesTheRootSpaceUnlessOneIsGiven()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:liveUpdates: true\n").WithStack("other", Complete + "  infra:liveUpdates: \"true\"\n  infra:liveUpdatesSpace: platform-01HSPACE\n");

        Assert.Equal(new LiveUpdates("root"), Read(project.Directory, "test", NoEnvironment).Live);
        Assert.Equal(new LiveUpdates("platform-01HSPACE"), Read(project.Directory, "other", NoEnvironment).Live);
    }

    [Fact]
    public void TheEnvironmentVariableSwitchesItOn()
    {
        using var project = new TempProject().WithStack("test", Complete);

        var inputs = Read(project.Directory, "test", new Dictionary<string, string?> { ["INFRA_LIVE_UPDATES"] = "true" });

        Assert.NotNull(inputs.Live);
    }

    [Fact]
    public void ANonBooleanIsRefusedNamingTheKey()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:liveUpdates: sometimes\n");

        ConfigAssert.Fails(() => Read(project.Directory, "test", NoEnvironment), "Pulumi.test.yaml", "'infra:liveUpdates'", "INFRA_LIVE_UPDATES");
    }

    [Fact]
    public void ASpaceThatIsNoSpaceIdIsRefused()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:liveUpdates: true\n  infra:liveUpdatesSpace: my space\n");

        ConfigAssert.Fails(() => Read(project.Directory, "test", NoEnvironment), "'infra:liveUpdatesSpace'", "'my space'", "Spacelift space id");
    }

    [Fact]
    public void ASuffixTooLongForPortsWebhookIdentifierIsRefusedOnlyWhenLiveUpdatesAreOn()
    {
        using var project = new TempProject()
            .WithStack("on", Complete + "  infra:liveUpdates: true\n  infra:nameSuffix: eu_west_12\n")
            .WithStack("off", Complete + "  infra:nameSuffix: eu_west_12\n");

        ConfigAssert.Fails(() => Read(project.Directory, "on", NoEnvironment), "'infra:nameSuffix'", "at most 8", "live updates");
        Assert.Equal("eu_west_12", Read(project.Directory, "off", NoEnvironment).Names.Suffix);
    }

    /// <summary>The program's inputs, as it reads them from the loaded configuration.</summary>
    private static IntegrationInputs Read(string directory, string stack, IReadOnlyDictionary<string, string?> environment)
        => ProgramInputs.Read(StackConfigLoader.Load(directory, stack, environment));
}
