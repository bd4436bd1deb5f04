using Infra.Cli.Config;

namespace Infra.Tests.Config;

/// <summary>
/// A misspelt key is refused naming the key that was meant (issue 28, finding 2): before, a typo in a safety
/// setting passed in silence and the setting kept its default.
/// </summary>
public sealed class UnknownKeyTests
{
    private const string Complete = MinimalStack.Yaml;

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Theory]
    [InlineData("infra:pruneThreshholdPercent: 10", "'infra:pruneThreshholdPercent' is not declared in Pulumi.yaml: did you mean 'infra:pruneThresholdPercent'?")]
    [InlineData("infra:concurency: 4", "did you mean 'infra:concurrency'?")]
    [InlineData("port:clientID: x", "'port:clientID' is not a setting of the port provider: did you mean 'port:clientId'?")]
    [InlineData("spacelift:apiKeySecert: x", "did you mean 'spacelift:apiKeySecret'?")]
    [InlineData("infra:somethingElseEntirely: 1", "not declared in Pulumi.yaml: the known keys of 'infra' are")]
    public void AnUnknownKeyOfTheProjectOrItsProvidersIsRefusedNamingTheNearestOne(string line, string expected)
    {
        using var project = new TempProject().WithStack("test", Complete + "  " + line + "\n");

        ConfigAssert.Fails(() => StackConfigLoader.Load(project.Directory, "test", NoEnvironment), "Pulumi.test.yaml", expected);
    }

    [Theory]
    [InlineData("aws:region: eu-west-1")]
    [InlineData("port:jsonEscapeHtml: true")]
    [InlineData("spacelift:apiToken: t")]
    [InlineData("infra:demoStacks: 3\n  infra:demoStateFile: x.json")]
    public void AUsersOwnNamespaceAndEveryProviderSettingAreAccepted(string lines)
    {
        using var project = new TempProject().WithStack("test", Complete + "  " + lines + "\n");

        StackConfigLoader.Load(project.Directory, "test", NoEnvironment);
    }
}
