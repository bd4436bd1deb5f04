using Infra.Cli.Config;
using Infra.Cli.Config.Yaml;

namespace Infra.Tests.Config;

/// <summary>
/// Loading stacks with <c>secure:</c> values. They reuse Pulumi's vector salts, so the one-second key
/// derivation happens once per salt and passphrase for the whole test run.
/// </summary>
public sealed class SecureConfigTests
{
    private static string Stack(string salt, string portSecret) => $"""
        encryptionsalt: {salt}
        config:
          port:clientId: client-id
          port:secret:
            secure: {portSecret}
          spacelift:apiKeyEndpoint: https://acme.app.spacelift.io
          spacelift:apiKeyId: 01SPACELIFTKEY
          spacelift:apiKeySecret:
            secure: {Vectors.SecretB}

        """;

    [Fact]
    public void SecureValuesWrittenByPulumiDecryptWithThePassphrase()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltB, Vectors.SecretB));

        var config = StackConfigLoader.Load(project.Directory, "test", Vectors.EnvironmentB());

        Assert.Equal(Vectors.SecretBClear, config.Port.ClientSecret.Reveal());
        Assert.Equal(Vectors.SecretBClear, config.Spacelift.ApiKeySecret.Reveal());
        Assert.DoesNotContain(Vectors.SecretBClear, config.ToString());
    }

    [Fact]
    public void PulumisOwnRoundTripStackFileReadsAsPulumiWroteIt()
    {
        // The exact file of Pulumi's TestConfigRoundtripComments (vector B), in a project named foo.
        using var project = new TempProject("name: foo\nruntime: dotnet\n").WithStack("dev", $"""
            encryptionsalt: {Vectors.SaltB}
            config:
              foo:a: some-value
              foo:c:
                a: A
                c: [1, 2, 3]
              foo:d:
                secure: {Vectors.SecretB}

            """);

        var store = StackConfigStore.Open(project.Directory, "dev", Vectors.EnvironmentB());

        Assert.Equal(new PlainValue("some-value"), store.Get(store.ParseKey("a")));
        Assert.Equal(new ObjectValue("""{"a":"A","c":["1","2","3"]}"""), store.Get(store.ParseKey("foo:c")));
        var secure = Assert.IsType<SecureValue>(store.Get(store.ParseKey("foo:d")));
        Assert.Equal(Vectors.SecretBClear, store.Reveal(new ConfigKey("foo", "d"), secure));
    }

    [Fact]
    public void PassphraseFileIsReadAndTrimmed()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltB, Vectors.SecretB));
        var file = Path.Combine(project.Directory, "passphrase.txt");
        File.WriteAllText(file, $"  {Vectors.PassphraseB}\n");

        var config = StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file });

        Assert.Equal(Vectors.SecretBClear, config.Port.ClientSecret.Reveal());
    }

    [Fact]
    public void PassphraseVariableWinsOverThePassphraseFile()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltA, Vectors.SecretB));
        var file = Path.Combine(project.Directory, "passphrase.txt");
        File.WriteAllText(file, "not the passphrase");
        var environment = new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = Vectors.PassphraseA, ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file };

        // Salt A unlocks with vector A's passphrase, so the variable was used; the value itself was
        // encrypted under B's key and so fails after the unlock.
        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", environment),
            "failed to decrypt configuration key 'port:secret' (env PORT_CLIENT_SECRET): incorrect passphrase");
    }

    [Fact]
    public void EmptyPassphraseVariableIsUsedAsIsRatherThanFallingBackToTheFile()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltA, Vectors.SecretB));
        var file = Path.Combine(project.Directory, "passphrase.txt");
        File.WriteAllText(file, Vectors.PassphraseA);
        var environment = new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = "", ["PULUMI_CONFIG_PASSPHRASE_FILE"] = file };

        ConfigAssert.Fails(() => StackConfigLoader.Load(project.Directory, "test", environment), "Pulumi.test.yaml: incorrect passphrase");
    }

    [Fact]
    public void WrongPassphraseNamesTheStackFileAndBothVariables()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltA, Vectors.SecretB));

        var error = ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?> { ["PULUMI_CONFIG_PASSPHRASE"] = "password123" }),
            project.StackPath("test") + ": incorrect passphrase",
            "PULUMI_CONFIG_PASSPHRASE",
            "PULUMI_CONFIG_PASSPHRASE_FILE");

        Assert.DoesNotContain("password123", error.Message);
    }

    [Fact]
    public void NoPassphraseGivesPulumisNonInteractiveError()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltB, Vectors.SecretB));

        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", new Dictionary<string, string?>()),
            "Pulumi.test.yaml: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables");
    }

    [Fact]
    public void NoPassphraseIsNeededWhenTheEnvironmentSuppliesEverySecret()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltB, Vectors.SecretB));
        var environment = new Dictionary<string, string?> { ["PORT_CLIENT_SECRET"] = "p", ["SPACELIFT_API_KEY_SECRET"] = "s" };

        var config = StackConfigLoader.Load(project.Directory, "test", environment);

        Assert.Equal("p", config.Port.ClientSecret.Reveal());
    }

    [Fact]
    public void SecureValueThatFailsToDecryptNamesFileKeyAndVariable()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltB, "v1:AAAA:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA=="));

        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", Vectors.EnvironmentB()),
            "Pulumi.test.yaml: failed to decrypt configuration key 'port:secret' (env PORT_CLIENT_SECRET): bad value: nonce size is incorrect");
    }

    [Fact]
    public void SecureValueWithoutAnEncryptionSaltIsRefused()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.SaltB, Vectors.SecretB).Replace($"encryptionsalt: {Vectors.SaltB}\n", ""));

        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", Vectors.EnvironmentB()),
            "configuration key 'port:secret' (env PORT_CLIENT_SECRET) is a secure value but the file has no 'encryptionsalt'");
    }

    [Fact]
    public void MalformedEncryptionSaltIsReported()
    {
        using var project = new TempProject().WithStack("test", Stack(Vectors.MalformedSaltA, Vectors.SecretB));

        ConfigAssert.Fails(
            () => StackConfigLoader.Load(project.Directory, "test", Vectors.EnvironmentB()),
            "Pulumi.test.yaml: 'encryptionsalt' is malformed: unknown salt version");
    }
}
