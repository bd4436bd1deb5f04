using Infra.Cli.Config;
using Infra.Tests.Support;

namespace Infra.Tests.Config;

public sealed class ProjectFileTests
{
    private const string Stack = """
        config:
          port:clientId: id
          port:secret: secret
          spacelift:apiKeyEndpoint: https://acme.app.spacelift.io
          spacelift:apiKeyId: key
          spacelift:apiKeySecret: key-secret

        """;

    private static readonly string ShippedProject = File.ReadAllText(Path.Combine(TempProject.RepositoryRoot, "Pulumi.yaml"));

    private static StackConfiguration Load(string projectYaml)
    {
        using var project = new TempProject(projectYaml).WithStack("test", Stack);
        return StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>());
    }

    [Fact]
    public void ShippedProjectFileDeclaresTheProjectKeysWithTheirDefaults()
    {
        var config = Load(ShippedProject);
        var (settings, inputs) = (config.Settings, ProgramInputs.Read(config));

        Assert.Equal(("space_lift_stack", 0.9, 180.0, 16, false), (inputs.Blueprint, settings.PruneThreshold, inputs.TokenRenewal.TotalMinutes, settings.Concurrency, settings.Insecure));
        Assert.EndsWith(Path.Combine(".infra", "state"), settings.StateDir);
    }

    [Fact]
    public void PortBaseUrlDefaultsToPortsPublicApi()
    {
        Assert.Equal(new Uri("https://api.getport.io/"), Load(ShippedProject).Port.BaseUrl);
    }

    [Fact]
    public void ValueForAnotherNamespaceAppliesToEveryStack()
    {
        var config = Load(ShippedProject + "  port:baseUrl:\n    value: https://api.us.getport.io\n");

        Assert.Equal(new Uri("https://api.us.getport.io/"), config.Port.BaseUrl);
    }

    [Fact]
    public void ShorthandDefaultForTheProjectNamespaceIsADefault()
    {
        var config = Load("name: infra\nruntime: dotnet\nconfig:\n  blueprint: custom\n  infra:pruneThresholdPercent: 10\n  infra:tokenRotationWindowMinutes: 5\n  infra:concurrency: 2\n  infra:stateDir: s\n  infra:insecure: false\n");

        Assert.Equal(("custom", 0.1, 2), (ProgramInputs.Read(config).Blueprint, config.Settings.PruneThreshold, config.Settings.Concurrency));
    }

    [Fact]
    public void ProjectKeyWithNoDefaultAnywhereIsMissing()
    {
        using var project = new TempProject("name: infra\nruntime: dotnet\n").WithStack("test", Stack);

        // The executors' own keys are the loader's to require; the program requires its own when it declares.
        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>()),
            "configuration key 'infra:pruneThresholdPercent' (env INFRA_PRUNE_THRESHOLD_PERCENT) is not set");
    }

    [Theory]
    [InlineData("runtime: dotnet\n", "project is missing a 'name' attribute")]
    [InlineData("name: infra\n", "project is missing a 'runtime' attribute")]
    [InlineData("name: my project\nruntime: dotnet\n", "project name 'my project' may only contain alphanumerics, hyphens, underscores, and periods")]
    [InlineData("name: infra\nruntime:\n  name: dotnet\n  other: x\n", "runtime: additional property 'other' is not allowed")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  port:baseUrl:\n    type: string\n    value: https://x\n", "Configuration key 'port:baseUrl' is not namespaced by the project and should not define a type")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  port:baseUrl:\n    default: https://x\n", "Configuration key 'port:baseUrl' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  port:baseUrl:\n    description: x\n", "Configuration key 'port:baseUrl' is not namespaced by the project and should set a 'value'")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  infra:x:\n    default: 1\n    value: 2\n", "project config 'infra:x' cannot have both a 'default' and 'value' attribute")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  infra:x:\n    type: number\n", "configuration key 'infra:x' has an invalid type 'number'")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  infra:x:\n    type: array\n", "The configuration key 'infra:x' declares an array but does not specify the underlying type via 'items'")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  infra:concurrency:\n    type: integer\n    default: eight\n", "The default value specified for configuration key 'infra:concurrency' is not of the expected type 'integer'")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  infra:x:\n    typo: string\n", "configuration key 'infra:x' has an unknown attribute 'typo'")]
    [InlineData("name: infra\nruntime: dotnet\nconfig:\n  a:b:c: 1\n", "could not parse 'a:b:c' as a configuration key")]
    public void InvalidProjectFileIsRefusedWithPulumisMessageNamingTheFile(string projectYaml, string message)
    {
        var error = ConfigAssert.Fails(() => Load(projectYaml), "Pulumi.yaml", message);

        Assert.DoesNotContain("Pulumi.test.yaml", error.Message);
    }

    [Fact]
    public void ArrayTypedKeyWithItemsIsAccepted()
    {
        var config = Load(ShippedProject + "  infra:labels:\n    type: array\n    items:\n      type: string\n    default: [a, b]\n");

        Assert.Equal("infra", config.Project);
    }

    [Fact]
    public void StackValueOfAUserDeclaredTypedKeyIsChecked()
    {
        using var project = new TempProject(ShippedProject + "  infra:retries:\n    type: integer\n").WithStack("test", Stack + "  infra:retries: many\n");

        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>()),
            "Pulumi.test.yaml: configuration key 'infra:retries' (env INFRA_RETRIES) must be of type 'integer', got 'many'");
    }

    [Fact]
    public void StackConfigDirMovesTheStackFiles()
    {
        using var project = new TempProject(ShippedProject.Replace("runtime: dotnet", "runtime: dotnet\nstackConfigDir: stacks"));
        Directory.CreateDirectory(Path.Combine(project.Directory, "stacks"));
        File.WriteAllText(Path.Combine(project.Directory, "stacks", "Pulumi.test.yaml"), Stack);

        var config = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>());

        Assert.Equal(Path.Combine(project.Directory, "stacks", "Pulumi.test.yaml"), config.StackFile);
    }
}
