using Infra.Cli.Config;

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

        Assert.Null(StackConfigLoader.Load(project.Directory, "test", NoEnvironment).Settings.LiveUpdates);
    }

    [Fact]
    public void OnTakesTheRootSpaceUnlessOneIsGiven()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:liveUpdates: true\n").WithStack("other", Complete + "  infra:liveUpdates: \"true\"\n  infra:liveUpdatesSpace: platform-01HSPACE\n");

        Assert.Equal(new LiveUpdateSettings("root"), StackConfigLoader.Load(project.Directory, "test", NoEnvironment).Settings.LiveUpdates);
        Assert.Equal(new LiveUpdateSettings("platform-01HSPACE"), StackConfigLoader.Load(project.Directory, "other", NoEnvironment).Settings.LiveUpdates);
    }

    [Fact]
    public void TheEnvironmentVariableSwitchesItOn()
    {
        using var project = new TempProject().WithStack("test", Complete);

        var config = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?> { ["INFRA_LIVE_UPDATES"] = "true" });

        Assert.NotNull(config.Settings.LiveUpdates);
    }

    [Fact]
    public void ANonBooleanIsRefusedNamingTheKey()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:liveUpdates: sometimes\n");

        ConfigAssert.Fails(() => StackConfigLoader.Load(project.Directory, "test", NoEnvironment), "Pulumi.test.yaml", "'infra:liveUpdates'", "INFRA_LIVE_UPDATES");
    }

    [Fact]
    public void ASpaceThatIsNoSpaceIdIsRefused()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:liveUpdates: true\n  infra:liveUpdatesSpace: my space\n");

        ConfigAssert.Fails(() => StackConfigLoader.Load(project.Directory, "test", NoEnvironment), "'infra:liveUpdatesSpace'", "'my space'", "Spacelift space id");
    }

    [Fact]
    public void ASuffixTooLongForPortsWebhookIdentifierIsRefusedOnlyWhenLiveUpdatesAreOn()
    {
        using var project = new TempProject()
            .WithStack("on", Complete + "  infra:liveUpdates: true\n  infra:nameSuffix: eu_west_12\n")
            .WithStack("off", Complete + "  infra:nameSuffix: eu_west_12\n");

        ConfigAssert.Fails(() => StackConfigLoader.Load(project.Directory, "on", NoEnvironment), "'infra:nameSuffix'", "at most 8", "live updates");
        Assert.Equal("eu_west_12", StackConfigLoader.Load(project.Directory, "off", NoEnvironment).Settings.NameSuffix);
    }
}
