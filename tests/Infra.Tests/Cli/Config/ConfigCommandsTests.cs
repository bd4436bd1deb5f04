using Infra.Cli.Shell.Commands;
using Infra.Cli.Shell.Io;
using Infra.Cli.Config;
using Infra.Tests.Config;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace Infra.Tests.Cli.Config;

public sealed class ConfigCommandsTests : IDisposable
{
    private const string Stack = $"""
        # keep me
        encryptionsalt: {Vectors.SaltB}
        config:
          port:baseUrl: https://api.getport.io
          port:clientId: client-id
          port:secret:
            secure: {Vectors.SecretB}
          spacelift:apiKeyEndpoint: https://acme.app.spacelift.io/graphql
          spacelift:apiKeyId: 01SPACELIFTKEY
          # the Spacelift secret
          spacelift:apiKeySecret:
            secure: {Vectors.SecretB}

        """;

    private readonly TempProject _project = new TempProject().WithStack("dev", Stack).WithStack("plain", "config:\n  port:clientId: a\n");
    private readonly System.Text.StringBuilder _output = new();

    public void Dispose() => _project.Dispose();

    /// <summary>What every run so far wrote to the console (each run gets a console of its own, which the app disposes).</summary>
    private string Output => _output.ToString();

    private int Run(IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args)
        => Run(App(environment, stdin, out var console), console, [.. args, "--cwd", _project.Directory]);

    private int Run(CommandApp app, TestConsole console, string[] args)
    {
        try
        {
            return app.Run(args);
        }
        finally
        {
            _output.Append(console.Output);
        }
    }

    /// <summary>The config commands as the CLI wires them: environment and stdin come from the app's services.</summary>
    private CommandApp App(IReadOnlyDictionary<string, string?> environment, string? stdin, out TestConsole console)
    {
        var testConsole = console = new TestConsole();
        var services = new ServiceCollection()
            .AddSingleton(new CliEnvironment(environment))
            .AddSingleton(new StandardInput(stdin is null ? null : new StringReader(stdin)));
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(configurator =>
        {
            configurator.ConfigureConsole(testConsole);
            configurator.PropagateExceptions();
            ConfigCommands.Register(configurator);
        });
        return app;
    }

    private int Run(params string[] args) => Run(new Dictionary<string, string?>(), null, args);

    private StackConfiguration LoadDev() => StackConfigLoader.Load(_project.Directory, "dev", Vectors.EnvironmentB());

    [Fact]
    public void ListingShowsEveryKeyWithSecretsMasked()
    {
        Assert.Equal(0, Run("config", "--stack", "dev"));

        var lines = Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^KEY\s+VALUE$", lines[0]);
        Assert.Matches(@"^port:clientId\s+client-id$", lines[2]);
        Assert.Matches(@"^port:secret\s+\[secret\]$", lines[3]);
        Assert.Matches(@"^spacelift:apiKeySecret\s+\[secret\]$", lines[6]);
        Assert.Equal(7, lines.Length);
        Assert.DoesNotContain(Vectors.SecretBClear, Output);
    }

    [Fact]
    public void ListingDecryptsWithThePassphraseOfTheEnvironmentItIsGiven()
    {
        // The passphrase exists only in the environment handed to the app: a listing that read the
        // process environment instead could not decrypt and would fail.
        Assert.Equal(0, Run(App(Vectors.EnvironmentB(), stdin: null, out var console), console, ["config", "--stack", "dev", "--cwd", _project.Directory, "--show-secrets"]));

        Assert.Matches($@"port:secret\s+{System.Text.RegularExpressions.Regex.Escape(Vectors.SecretBClear)}", Output);
    }

    [Fact]
    public void ListingMasksACredentialKeyStoredInPlaintext()
    {
        // The demo stack keeps its emulator credentials in plaintext; a listing must still not print them.
        File.WriteAllText(Path.Combine(_project.Directory, "Pulumi.emulated.yaml"), "config:\n  port:clientId: a\n  port:secret: plaintext-credential\n");
        Assert.Equal(0, Run("config", "--stack", "emulated"));

        Assert.DoesNotContain("plaintext-credential", Output);
        Assert.Matches(@"port:secret\s+\[secret\]", Output);
    }

    [Fact]
    public void GetPrintsAPlainValue()
    {
        Assert.Equal(0, Run("config", "get", "port:clientId", "--stack", "dev"));

        Assert.Equal("client-id", Output.Trim());
    }

    [Fact]
    public void GetMasksASecretWithoutShowSecrets()
    {
        Assert.Equal(0, Run("config", "get", "port:secret", "-s", "dev"));

        Assert.Equal("[secret]", Output.Trim());
    }

    [Fact]
    public void GetRevealsASecretWithShowSecretsAndThePassphrase()
    {
        Assert.Equal(0, Run(Vectors.EnvironmentB(), null, "config", "get", "port:secret", "--stack", "dev", "--show-secrets"));

        Assert.Equal(Vectors.SecretBClear, Output.Trim());
    }

    [Fact]
    public void GetOfAKeyTheStackDoesNotSetIsAnError()
    {
        ConfigAssert.Fails(() => Run("config", "get", "port:nope", "--stack", "dev"), "Pulumi.dev.yaml", "configuration key 'port:nope' not found");
    }

    [Fact]
    public void MissingStackOptionListsTheStacks()
    {
        ConfigAssert.Fails(() => Run("config", "get", "port:clientId"), "no stack selected: pass --stack <name>", "stacks found: dev, plain");
    }

    [Fact]
    public void UnknownStackIsTheLoadersError()
    {
        ConfigAssert.Fails(() => Run("config", "--stack", "prod"), "no stack named 'prod' found", _project.StackPath("prod"));
    }

    [Fact]
    public void SetWritesAPlainValueInPlaceAndTheLoaderReadsIt()
    {
        Assert.Equal(0, Run("config", "set", "port:clientId", "other-id", "--stack", "dev"));

        Assert.Equal(Stack.Replace("port:clientId: client-id", "port:clientId: other-id"), _project.ReadStack("dev"));
        Assert.Equal("other-id", LoadDev().Port.ClientId);
    }

    [Fact]
    public void SetOfABareNameUsesTheProjectNamespace()
    {
        Assert.Equal(0, Run("config", "set", "concurrency", "12", "--stack", "dev"));

        Assert.Contains("  infra:concurrency: \"12\"\n", _project.ReadStack("dev"));
        Assert.Equal(12, LoadDev().Settings.Concurrency);
    }

    [Fact]
    public void SetOfAMisspeltKeyIsRefusedNamingTheKeyMeantAndWritesNothing()
    {
        var before = _project.ReadStack("dev");

        ConfigAssert.Fails(() => Run("config", "set", "infra:concurency", "4", "--stack", "dev"), "Pulumi.dev.yaml", "did you mean 'infra:concurrency'?");

        Assert.Equal(before, _project.ReadStack("dev"));
    }

    [Fact]
    public void SetOfAValueNotOfTheKeysTypeIsRefusedBeforeAnythingIsWritten()
    {
        var before = _project.ReadStack("dev");

        ConfigAssert.Fails(() => Run("config", "set", "infra:concurrency", "lots", "--stack", "dev"), "'infra:concurrency' must be of type 'integer', got 'lots'");

        Assert.Equal(before, _project.ReadStack("dev"));
    }

    [Fact]
    public void SetSecretRoundTripsThroughTheLoader()
    {
        Assert.Equal(0, Run(Vectors.EnvironmentB(), null, "config", "set", "spacelift:apiKeySecret", "brand-new-secret", "--secret", "--stack", "dev"));

        var written = _project.ReadStack("dev");
        Assert.DoesNotContain("brand-new-secret", written);
        Assert.Contains($"encryptionsalt: {Vectors.SaltB}\n", written);
        Assert.Contains("  # the Spacelift secret\n  spacelift:apiKeySecret:\n    secure: v1:", written);
        Assert.Equal("brand-new-secret", LoadDev().Spacelift.ApiKeySecret.Reveal());
        Assert.Equal(Vectors.SecretBClear, LoadDev().Port.ClientSecret.Reveal());
    }

    [Fact]
    public void SetSecretReadsTheValueFromStdinWhenOmitted()
    {
        Assert.Equal(0, Run(Vectors.EnvironmentB(), "from-stdin\n", "config", "set", "port:secret", "--secret", "--stack", "dev"));

        Assert.Equal("from-stdin", LoadDev().Port.ClientSecret.Reveal());
        Assert.DoesNotContain("from-stdin", Output);
    }

    [Fact]
    public void SetSaysWhereTheValueWasKept()
    {
        // Issue 28, finding 10: after a hidden prompt, `config set --secret` printed nothing.
        Assert.Equal(0, Run(Vectors.EnvironmentB(), "from-stdin\n", "config", "set", "port:secret", "--secret", "--stack", "dev"));
        Assert.Equal(0, Run("config", "set", "concurrency", "12", "--stack", "dev"));

        Assert.Equal(
            "port:secret saved in Pulumi.dev.yaml, encrypted with the stack's passphrase\ninfra:concurrency saved in Pulumi.dev.yaml\n",
            Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void FirstSecretCreatesAnEncryptionSaltThatUnlocksWithThePassphrase()
    {
        var environment = new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = "fresh passphrase" };

        Assert.Equal(0, Run(environment, null, "config", "set", "port:secret", "s3cr3t", "--secret", "--stack", "plain"));

        var written = _project.ReadStack("plain");
        Assert.Matches(@"^encryptionsalt: v1:[A-Za-z0-9+/]{11}=:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+\nconfig:\n  port:clientId: a\n  port:secret:\n    secure: v1:", written);
        var store = StackConfigStore.Open(_project.Directory, "plain", environment);
        var key = new ConfigKey("port", "secret");
        Assert.Equal("s3cr3t", store.Reveal(key, (Infra.Cli.Config.Yaml.SecureValue)store.Get(key)));
    }

    [Fact]
    public void SetSecretWithTheWrongPassphraseWritesNothing()
    {
        var environment = new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = "password123" };
        using var project = new TempProject().WithStack("a", $"encryptionsalt: {Vectors.SaltA}\nconfig: {{}}\n");

        var app = App(environment, stdin: null, out _);

        ConfigAssert.Fails(() => app.Run(["config", "set", "port:secret", "x", "--secret", "--stack", "a", "--cwd", project.Directory]), "Pulumi.a.yaml: incorrect passphrase");
        Assert.Equal($"encryptionsalt: {Vectors.SaltA}\nconfig: {{}}\n", project.ReadStack("a"));
    }

    [Fact]
    public void SecretLookingPlaintextIsRefusedWithoutPlaintextFlag()
    {
        var error = ConfigAssert.Fails(
            () => Run("config", "set", "port:secret", "aB3dE6gH9jK2mN5pQ8sT", "--stack", "plain"),
            "Pulumi.plain.yaml: config value for 'port:secret' looks like a secret; rerun with --secret",
            "--plaintext");

        Assert.DoesNotContain("aB3dE6gH9jK2mN5pQ8sT", error.Message);
        Assert.Equal("config:\n  port:clientId: a\n", _project.ReadStack("plain"));
    }

    [Fact]
    public void PlaintextFlagStoresASecretLookingValueInClear()
    {
        Assert.Equal(0, Run("config", "set", "port:secret", "aB3dE6gH9jK2mN5pQ8sT", "--plaintext", "--stack", "plain"));

        Assert.Equal("config:\n  port:clientId: a\n  port:secret: aB3dE6gH9jK2mN5pQ8sT\n", _project.ReadStack("plain"));
    }

    [Fact]
    public void SecretAndPlaintextTogetherAreRefused()
    {
        ConfigAssert.Fails(() => Run("config", "set", "port:secret", "x", "--secret", "--plaintext", "--stack", "plain"), "--secret and --plaintext cannot be used together");
    }

    [Fact]
    public void InvalidKeyIsRefused()
    {
        ConfigAssert.Fails(() => Run("config", "set", "a:b:c", "x", "--stack", "plain"), "could not parse 'a:b:c' as a configuration key");
    }

    [Fact]
    public void RmRemovesOnlyThatKey()
    {
        Assert.Equal(0, Run("config", "rm", "spacelift:apiKeyId", "--stack", "dev"));

        Assert.Equal(Stack.Replace("  spacelift:apiKeyId: 01SPACELIFTKEY\n", ""), _project.ReadStack("dev"));
    }

    [Fact]
    public void RmOfAKeyThatIsNotSetSucceedsAndSaysSo()
    {
        Assert.Equal(0, Run("config", "rm", "port:nope", "--stack", "dev"));

        Assert.Contains("configuration key 'port:nope' was not set", Output);
        Assert.Equal(Stack, _project.ReadStack("dev"));
    }

    [Theory]
    [InlineData("--secret")]
    [InlineData("--plaintext")]
    [InlineData("[VALUE]")]
    public void SetHelpDescribesItsOptions(string option)
    {
        Assert.Equal(0, Run("config", "set", "--help"));

        Assert.Contains(option, Output);
    }

    [Fact]
    public void BranchHelpListsTheSubcommands()
    {
        Assert.Equal(0, Run("config", "--help"));

        // Spectre lists a branch's options (the stack and project directory) on the branch's help only.
        Assert.Contains("--stack", Output);
        Assert.Contains("--cwd", Output);
        Assert.Contains("get", Output);
        Assert.Contains("set", Output);
        Assert.Contains("rm", Output);
    }

    [Fact]
    public void FillingInTheShippedDevTemplateKeepsItsComments()
    {
        var template = File.ReadAllText(Path.Combine(TempProject.RepositoryRoot, "Pulumi.dev.yaml"));
        _project.WithStack("dev", template);

        Run("config", "set", "port:clientId", "my-client", "--stack", "dev");
        Run("config", "set", "spacelift:apiKeyEndpoint", "https://acme.app.spacelift.io/graphql", "--stack", "dev");

        Assert.Equal(
            template.Replace("port:clientId: \"\"", "port:clientId: my-client").Replace("spacelift:apiKeyEndpoint: \"\"", "spacelift:apiKeyEndpoint: https://acme.app.spacelift.io/graphql"),
            _project.ReadStack("dev"));
    }

    [Fact]
    public void WritesLeaveNoTemporaryFilesBehind()
    {
        Run("config", "set", "port:clientId", "x", "--stack", "plain");

        Assert.Equal(["Pulumi.dev.yaml", "Pulumi.plain.yaml", "Pulumi.yaml"], Directory.GetFiles(_project.Directory).Select(file => Path.GetFileName(file)).Order().ToArray());
    }
}
