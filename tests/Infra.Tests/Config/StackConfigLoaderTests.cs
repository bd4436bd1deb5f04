using Infra.Cli.Config;
using Infra.Tests.Support;

namespace Infra.Tests.Config;

public sealed class StackConfigLoaderTests
{
    private const string Complete = """
        config:
          port:baseUrl: https://api.getport.io
          port:clientId: client-id
          port:secret: port-secret-value
          spacelift:apiKeyEndpoint: https://acme.app.spacelift.io
          spacelift:apiKeyId: 01SPACELIFTKEY
          spacelift:apiKeySecret: spacelift-secret-value

        """;

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static StackConfiguration Load(TempProject project, string stack = "test", IReadOnlyDictionary<string, string?>? environment = null, bool insecure = false)
        => StackConfigLoader.Load(project.Directory, stack, environment ?? NoEnvironment, insecure);

    [Fact]
    public void AProjectKeyDeclaredWithoutADefaultIsRequiredAsTheCliRequiresIt()
    {
        // pulumi/pulumi pkg/workspace/config.go mergeConfig: a key of the project's namespace with neither
        // default nor value is missing on every stack that does not set it; both engines refuse alike.
        var shipped = File.ReadAllText(Path.Combine(TempProject.RepositoryRoot, "Pulumi.yaml"));
        var declared = shipped.Replace("config:\n", "config:\n  infra:region:\n    type: string\n", StringComparison.Ordinal);
        Assert.NotEqual(shipped, declared);
        using var project = new TempProject(declared).WithStack("test", Complete).WithStack("set", Complete + "  infra:region: eu\n");

        ConfigAssert.Fails(() => Load(project), "Pulumi.test.yaml", "Stack 'test' is missing configuration value 'infra:region' (env INFRA_REGION)");
        Assert.Equal("set", Load(project, "set").Stack);
        Assert.Equal("test", Load(project, environment: new Dictionary<string, string?> { ["INFRA_REGION"] = "eu" }).Stack);
    }

    [Fact]
    public void CompleteStackFileLoadsWithPulumiYamlDefaults()
    {
        using var project = new TempProject().WithStack("test", Complete);

        var config = Load(project);

        Assert.Equal("infra", config.Project);
        Assert.Equal("test", config.Stack);
        Assert.Equal(project.StackPath("test"), config.StackFile);
        Assert.Equal(new Uri("https://api.getport.io/"), config.Port.BaseUrl);
        Assert.Equal("client-id", config.Port.ClientId);
        Assert.Equal("port-secret-value", config.Port.ClientSecret.Reveal());
        Assert.Equal(new Uri("https://acme.app.spacelift.io/"), config.Spacelift.Endpoint);
        Assert.Equal("01SPACELIFTKEY", config.Spacelift.ApiKeyId);
        Assert.Equal("spacelift-secret-value", config.Spacelift.ApiKeySecret.Reveal());
        Assert.Equal("space_lift_stack", ProgramInputs.Read(config).Blueprint);
        Assert.Equal(0.9, config.Settings.PruneThreshold);
        Assert.Equal(TimeSpan.FromMinutes(180), ProgramInputs.Read(config).TokenRenewal);
        Assert.Equal(16, config.Settings.Concurrency);
        Assert.Equal(Path.Combine(project.Directory, ".infra", "state"), config.Settings.StateDir);
        Assert.False(config.Settings.Insecure);
        Assert.Null(config.Settings.Demo);
    }

    [Fact]
    public void SecretsNeverShowWhenTheConfigurationIsPrinted()
    {
        using var project = new TempProject().WithStack("test", Complete);

        var printed = Load(project).ToString();

        Assert.DoesNotContain("port-secret-value", printed);
        Assert.DoesNotContain("spacelift-secret-value", printed);
        Assert.Contains("[secret]", printed);
    }

    [Fact]
    public void ShippedDemoStackLoadsWithTheEmulatorsAndDemoSettings()
    {
        var config = StackConfigLoader.Load(TempProject.RepositoryRoot, "demo", NoEnvironment);

        Assert.Equal(new Uri("http://127.0.0.1:18780/"), config.Port.BaseUrl);
        Assert.Equal("emulator", config.Port.ClientId);
        Assert.Equal("emulator", config.Port.ClientSecret.Reveal());
        Assert.Equal(new Uri("http://127.0.0.1:18781/"), config.Spacelift.Endpoint);
        Assert.Equal("01EMULATOREMULATOREMULATOR", config.Spacelift.ApiKeyId);
        Assert.Equal("emulator", config.Spacelift.ApiKeySecret.Reveal());
        Assert.Equal(new DemoSettings(25, Path.Combine(TempProject.RepositoryRoot, ".infra", "demo", "port-organisation.json")), config.Settings.Demo);
        Assert.Equal(Path.Combine(TempProject.RepositoryRoot, ".infra", "demo", "state"), config.Settings.StateDir);
    }

    [Fact]
    public void ShippedDevStackNamesEveryMissingKeyAndItsVariable()
    {
        var error = ConfigAssert.Fails(
            () => StackConfigLoader.Load(TempProject.RepositoryRoot, "dev", NoEnvironment),
            "Pulumi.dev.yaml",
            "Stack 'dev' is missing configuration values ",
            "'port:clientId' (env PORT_CLIENT_ID)",
            "'port:secret' (env PORT_CLIENT_SECRET)",
            "'spacelift:apiKeyEndpoint' (env SPACELIFT_API_KEY_ENDPOINT)",
            "'spacelift:apiKeyId' (env SPACELIFT_API_KEY_ID)",
            " and 'spacelift:apiKeySecret' (env SPACELIFT_API_KEY_SECRET)");

        Assert.DoesNotContain("port:baseUrl", error.Message);
    }

    [Fact]
    public void ShippedDevStackLoadsWhenTheEnvironmentSuppliesTheRest()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PORT_CLIENT_ID"] = "id",
            ["PORT_CLIENT_SECRET"] = "secret",
            ["SPACELIFT_API_KEY_ENDPOINT"] = "https://acme.app.spacelift.io/graphql",
            ["SPACELIFT_API_KEY_ID"] = "key",
            ["SPACELIFT_API_KEY_SECRET"] = "key-secret",
        };

        var config = StackConfigLoader.Load(TempProject.RepositoryRoot, "dev", environment);

        Assert.Equal(new Uri("https://api.getport.io/"), config.Port.BaseUrl);
        Assert.Equal(new Uri("https://acme.app.spacelift.io/graphql"), config.Spacelift.GraphQlUrl);
        Assert.Null(config.Settings.Demo);
    }

    [Fact]
    public void OneMissingKeyIsReportedInTheSingular()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("  port:clientId: client-id\n", ""));

        ConfigAssert.Fails(() => Load(project), "Stack 'test' is missing configuration value 'port:clientId' (env PORT_CLIENT_ID)");
    }

    [Fact]
    public void EnvironmentWinsOverTheStackFile()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:concurrency: 4\n");
        var environment = new Dictionary<string, string?>
        {
            ["PORT_BASE_URL"] = "https://eu.getport.io",
            ["PORT_CLIENT_SECRET"] = "from-env",
            ["INFRA_CONCURRENCY"] = "24",
            ["INFRA_PRUNE_THRESHOLD_PERCENT"] = "50",
            ["INFRA_STATE_DIR"] = "elsewhere",
        };

        var config = Load(project, environment: environment);

        Assert.Equal(new Uri("https://eu.getport.io/"), config.Port.BaseUrl);
        Assert.Equal("from-env", config.Port.ClientSecret.Reveal());
        Assert.Equal(24, config.Settings.Concurrency);
        Assert.Equal(0.5, config.Settings.PruneThreshold);
        Assert.Equal(Path.Combine(project.Directory, "elsewhere"), config.Settings.StateDir);
    }

    [Fact]
    public void EmptyEnvironmentVariablesAndEmptyValuesCountAsUnset()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("client-id", "\"\""));

        ConfigAssert.Fails(
            () => Load(project, environment: new Dictionary<string, string?> { ["PORT_CLIENT_ID"] = "" }),
            "missing configuration value 'port:clientId' (env PORT_CLIENT_ID)");
    }

    [Theory]
    [InlineData("https://acme.app.spacelift.io")]
    [InlineData("https://acme.app.spacelift.io/")]
    [InlineData("https://acme.app.spacelift.io/graphql")]
    [InlineData("https://acme.app.spacelift.io/graphql/")]
    [InlineData("https://acme.app.spacelift.io/GraphQL")]
    public void SpaceliftEndpointIsNormalisedToTheAccountUrl(string endpoint)
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://acme.app.spacelift.io", endpoint));

        var spacelift = Load(project).Spacelift;

        Assert.Equal("https://acme.app.spacelift.io/", spacelift.Endpoint.AbsoluteUri);
        Assert.Equal("https://acme.app.spacelift.io/graphql", spacelift.GraphQlUrl.AbsoluteUri);
    }

    [Fact]
    public void SelfHostedSpaceliftKeepsItsPath()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://acme.app.spacelift.io", "https://spacelift.corp.example/api/graphql"));

        Assert.Equal("https://spacelift.corp.example/api/graphql", Load(project).Spacelift.GraphQlUrl.AbsoluteUri);
    }

    [Fact]
    public void LegacyConfigNamespaceFormReadsAsTheSameKey()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("port:clientId:", "port:config:clientId:"));

        Assert.Equal("client-id", Load(project).Port.ClientId);
    }

    [Fact]
    public void UnknownStackNamesTheExpectedFileAndListsTheStacks()
    {
        using var project = new TempProject().WithStack("dev", Complete).WithStack("prod", Complete);

        ConfigAssert.Fails(
            () => Load(project, "staging"),
            "no stack named 'staging' found",
            project.StackPath("staging"),
            "stacks found: dev, prod");
    }

    [Fact]
    public void StackNamesThatCouldEscapeTheProjectAreRefused()
    {
        using var project = new TempProject().WithStack("test", Complete);

        ConfigAssert.Fails(() => Load(project, "../test"), "stack name '../test' is invalid");
    }

    [Theory]
    [InlineData("config:\n  port:clientId: [unclosed\n  port:secret: x\n", 2)]
    [InlineData("config:\n  port:clientId: a\n port:secret: x\n", 3)]
    [InlineData("config:\n  port:clientId: \"open\n", 2)]
    public void MalformedYamlNamesTheFileLineAndColumn(string yaml, int line)
    {
        using var project = new TempProject().WithStack("test", yaml);

        var error = ConfigAssert.Fails(() => Load(project), "Pulumi.test.yaml:", "malformed YAML");

        Assert.Matches($@"Pulumi\.test\.yaml:{line}:\d+: malformed YAML: \S", error.Message);
    }

    [Theory]
    [InlineData("config:\n  port:clientId: x\n\tport:baseUrl: y\n", "3:1")]
    [InlineData("config:\n  port:clientId: x\n  \tport:baseUrl: y\n", "3:3")]
    public void ATabThatIndentsALineIsNamedAtItsLine(string yaml, string position)
    {
        // Issue 28, finding 10: YamlDotNet places this error where the scanner was, not at the tab (1:1, or the
        // end of the line before).
        using var project = new TempProject().WithStack("test", yaml);

        var error = ConfigAssert.Fails(() => Load(project), "malformed YAML");

        Assert.EndsWith($"Pulumi.test.yaml:{position}: malformed YAML: a tab indents this line; YAML indents with spaces only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedKeyIsMalformed()
    {
        using var project = new TempProject().WithStack("test", Complete + "  port:clientId: again\n");

        var error = ConfigAssert.Fails(() => Load(project), "malformed YAML: Duplicate key port:clientId");

        Assert.Matches(@"Pulumi\.test\.yaml:8:3: ", error.Message);
    }

    [Fact]
    public void SameKeyInBothFormsIsRefused()
    {
        using var project = new TempProject().WithStack("test", Complete + "  port:config:clientId: again\n");

        ConfigAssert.Fails(() => Load(project), "Pulumi.test.yaml", "configuration key 'port:clientId' is set twice");
    }

    [Theory]
    [InlineData("not a url", "must be an absolute URL")]
    [InlineData("acme.app.spacelift.io", "must be an absolute URL")]
    [InlineData("ftp://acme.app.spacelift.io", "must use http or https, not 'ftp'")]
    [InlineData("http://acme.app.spacelift.io", "uses plain http to 'acme.app.spacelift.io', which is not loopback")]
    public void BadEndpointNamesFileKeyAndVariable(string endpoint, string problem)
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://acme.app.spacelift.io", endpoint));

        ConfigAssert.Fails(
            () => Load(project),
            "Pulumi.test.yaml: configuration key 'spacelift:apiKeyEndpoint' (env SPACELIFT_API_KEY_ENDPOINT) ",
            problem);
    }

    [Fact]
    public void CredentialsInAUrlAreRefusedWithoutQuotingThem()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://api.getport.io", "https://user:hunter2@api.getport.io"));

        var error = ConfigAssert.Fails(() => Load(project), "configuration key 'port:baseUrl' (env PORT_BASE_URL) must not carry credentials");

        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void BadUrlFromTheEnvironmentSaysSo()
    {
        using var project = new TempProject().WithStack("test", Complete);

        ConfigAssert.Fails(
            () => Load(project, environment: new Dictionary<string, string?> { ["PORT_BASE_URL"] = "http://port.internal" }),
            "configuration key 'port:baseUrl' (env PORT_BASE_URL)",
            "(set by PORT_BASE_URL)");
    }

    [Fact]
    public void PlainHttpToAnotherHostIsAllowedByTheInsecureFlag()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://api.getport.io", "http://port.internal:8080"));

        var config = Load(project, insecure: true);

        Assert.Equal(new Uri("http://port.internal:8080/"), config.Port.BaseUrl);
        Assert.True(config.Settings.Insecure);
    }

    [Fact]
    public void PlainHttpToAnotherHostIsAllowedByTheInsecureKey()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://api.getport.io", "http://port.internal") + "  infra:insecure: true\n");

        Assert.True(Load(project).Settings.Insecure);
    }

    [Theory]
    [InlineData("http://localhost:1234")]
    [InlineData("http://127.0.0.1:1234")]
    [InlineData("http://[::1]:1234")]
    public void PlainHttpToLoopbackNeedsNoFlag(string url)
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("https://api.getport.io", url));

        Assert.Equal("http", Load(project).Port.BaseUrl.Scheme);
    }

    [Theory]
    [InlineData("infra:concurrency: abc", "'infra:concurrency' (env INFRA_CONCURRENCY) must be of type 'integer', got 'abc'")]
    [InlineData("infra:concurrency: 2.5", "'infra:concurrency' (env INFRA_CONCURRENCY) must be of type 'integer'")]
    [InlineData("infra:insecure: maybe", "'infra:insecure' (env INFRA_INSECURE) must be of type 'boolean', got 'maybe'")]
    [InlineData("infra:tokenRotationWindowMinutes: soon", "'infra:tokenRotationWindowMinutes' (env INFRA_TOKEN_ROTATION_WINDOW_MINUTES) must be of type 'integer'")]
    [InlineData("infra:pruneThresholdPercent: 150", "'infra:pruneThresholdPercent' (env INFRA_PRUNE_THRESHOLD_PERCENT) must be between 0 and 100, got '150'")]
    [InlineData("infra:pruneThresholdPercent: -1", "must be between 0 and 100")]
    [InlineData("infra:concurrency: 0", "'infra:concurrency' (env INFRA_CONCURRENCY) must be between 1 and 64, got '0'")]
    [InlineData("infra:concurrency: 65", "must be between 1 and 64, got '65'")]
    [InlineData("infra:demoStateFile: x\n  infra:demoStacks: -3", "'infra:demoStacks' (env INFRA_DEMO_STACKS) must be at least 0")]
    public void InvalidProjectValuesNameFileKeyAndVariable(string line, string problem)
    {
        using var project = new TempProject().WithStack("test", Complete + "  " + line + "\n");

        ConfigAssert.Fails(() => Load(project), "Pulumi.test.yaml: configuration key ", problem);
    }

    [Theory]
    [InlineData("\"16\"", 16)]
    [InlineData("16.0", 16)]
    [InlineData("64", 64)]
    public void IntegersAcceptNumericStringsAndWholeFloatsAsPulumiDoes(string written, int expected)
    {
        using var project = new TempProject().WithStack("test", Complete + $"  infra:concurrency: {written}\n");

        Assert.Equal(expected, Load(project).Settings.Concurrency);
    }

    [Fact]
    public void ObjectValueForAScalarKeyIsRefused()
    {
        using var project = new TempProject().WithStack("test", Complete.Replace("client-id", "{a: b}"));

        ConfigAssert.Fails(() => Load(project), "configuration key 'port:clientId' (env PORT_CLIENT_ID) must be a single value");
    }

    [Fact]
    public void DemoStacksWithoutAStateFileIsMissingTheStateFile()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:demoStacks: 3\n");

        ConfigAssert.Fails(() => Load(project), "missing configuration value 'infra:demoStateFile' (env INFRA_DEMO_STATE_FILE)");
    }

    [Fact]
    public void RelativePathsResolveAgainstTheProjectDirectoryNotTheCurrentOne()
    {
        using var project = new TempProject().WithStack("test", Complete + "  infra:demoStacks: 0\n  infra:demoStateFile: demo/org.json\n  infra:stateDir: ../shared-state\n");

        var config = Load(project);

        Assert.Equal(Path.Combine(project.Directory, "demo", "org.json"), config.Settings.Demo!.StateFile);
        Assert.Equal(0, config.Settings.Demo.Stacks);
        Assert.Equal(Path.GetFullPath(Path.Combine(project.Directory, "..", "shared-state")), config.Settings.StateDir);
    }

    [Fact]
    public void UnsupportedSecretsProviderIsRefused()
    {
        using var project = new TempProject().WithStack("test", "secretsprovider: awskms://alias/x\n" + Complete);

        ConfigAssert.Fails(() => Load(project), "Pulumi.test.yaml", "secretsprovider 'awskms://alias/x' is not supported");
    }

    [Fact]
    public void UnparsableKeyIsRefusedWithPulumisMessage()
    {
        using var project = new TempProject().WithStack("test", Complete + "  bare: x\n");

        ConfigAssert.Fails(() => Load(project), "Pulumi.test.yaml:", "could not parse 'bare' as a configuration key");
    }

    [Fact]
    public void MissingProjectFileSaysWhereItLooked()
    {
        var directory = Path.Combine(Path.GetTempPath(), "infra-config-tests", "no-project-" + Guid.NewGuid().ToString("N"));

        ConfigAssert.Fails(() => StackConfigLoader.Load(directory, "dev", NoEnvironment), "no Pulumi.yaml project file found in", directory);
    }
}
