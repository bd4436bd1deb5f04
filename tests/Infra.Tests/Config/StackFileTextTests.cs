using Infra.Cli.Config;
using Infra.Cli.Config.Yaml;

namespace Infra.Tests.Config;

public sealed class StackFileTextTests
{
    private const string Path = "Pulumi.test.yaml";

    private const string Commented = """
        # header comment
        config:
          # about the id
          port:clientId: old-id # trailing
          port:secret:
            secure: v1:abc:def
          # about the endpoint
          spacelift:apiKeyEndpoint: https://acme.app.spacelift.io

        # after config
        environment:
          - shared

        """;

    private static readonly ConfigKey ClientId = new("port", "clientId");

    private static string Edit(string text, Action<StackFileText> edit)
    {
        var file = StackFileText.Of(Path, text);
        edit(file);
        return file.ToString();
    }

    [Fact]
    public void SettingAnExistingKeyReplacesOnlyItsEntry()
    {
        var edited = Edit(Commented, file => file.Set(ClientId, new PlainValue("new-id")));

        Assert.Equal(Commented.Replace("port:clientId: old-id # trailing", "port:clientId: new-id"), edited);
    }

    [Fact]
    public void SettingASecureValueReplacesAMultiLineEntry()
    {
        var edited = Edit(Commented, file => file.Set(new ConfigKey("port", "secret"), new SecureValue("v1:n:c")));

        Assert.Equal(Commented.Replace("secure: v1:abc:def", "secure: v1:n:c"), edited);
    }

    [Fact]
    public void NewKeyGoesAtTheEndOfTheConfigBlockBeforeWhatFollows()
    {
        var edited = Edit(Commented, file => file.Set(new ConfigKey("infra", "concurrency"), new PlainValue("16")));

        Assert.Equal(
            Commented.Replace(
                "https://acme.app.spacelift.io\n",
                "https://acme.app.spacelift.io\n  infra:concurrency: \"16\"\n"),
            edited);
        Assert.Equal(new PlainValue("16"), StackFile.Parse(Path, edited).Find(new ConfigKey("infra", "concurrency")));
    }

    [Fact]
    public void RemovingAKeyKeepsTheCommentsOfItsNeighbours()
    {
        var edited = Edit(Commented, file => Assert.True(file.Remove(new ConfigKey("port", "secret"))));

        Assert.Equal(Commented.Replace("  port:secret:\n    secure: v1:abc:def\n", ""), edited);
    }

    [Fact]
    public void RemovingAnAbsentKeyChangesNothing()
    {
        var file = StackFileText.Of(Path, Commented);

        Assert.False(file.Remove(new ConfigKey("port", "baseUrl")));
        Assert.Equal(Commented, file.ToString());
    }

    [Fact]
    public void LegacyFormIsReplacedByTheNormalForm()
    {
        var edited = Edit("config:\n  port:config:clientId: a\n", file => file.Set(ClientId, new PlainValue("b")));

        Assert.Equal("config:\n  port:clientId: b\n", edited);
    }

    [Theory]
    [InlineData("", "config:\n  port:clientId: id\n")]
    [InlineData("encryptionsalt: x\n", "encryptionsalt: x\nconfig:\n  port:clientId: id\n")]
    [InlineData("config: {}\n", "config:\n  port:clientId: id\n")]
    [InlineData("config:\nenvironment: [a]\n", "config:\n  port:clientId: id\nenvironment: [a]\n")]
    [InlineData("config:\r\n    other:key: v\r\n", "config:\r\n    other:key: v\r\n    port:clientId: id\r\n")]
    public void SettingWorksFromAnyStartingShape(string before, string after)
    {
        Assert.Equal(after, Edit(before, file => file.Set(ClientId, new PlainValue("id"))));
    }

    [Fact]
    public void FlowStyleConfigIsRefusedRatherThanRewritten()
    {
        var error = ConfigAssert.Fails(() => Edit("config: {port:clientId: a}\n", file => file.Set(ClientId, new PlainValue("b"))), Path, "flow style");

        Assert.StartsWith(Path + ":1:", error.Message);
    }

    [Fact]
    public void EncryptionSaltIsInsertedBeforeConfigOrReplaced()
    {
        Assert.Equal("# c\nencryptionsalt: v1:s\nconfig:\n  a:b: c\n", Edit("# c\nconfig:\n  a:b: c\n", file => file.SetEncryptionSalt("v1:s")));
        Assert.Equal("encryptionsalt: v1:new\nconfig: {}\n", Edit("encryptionsalt: v1:old\nconfig: {}\n", file => file.SetEncryptionSalt("v1:new")));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("https://api.getport.io")]
    [InlineData("v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==")]
    [InlineData("8")]
    [InlineData("1.5e3")]
    [InlineData("0x1F")]
    [InlineData("true")]
    [InlineData("no")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("a: b")]
    [InlineData("value #not a comment")]
    [InlineData("#starts like a comment")]
    [InlineData("- dash")]
    [InlineData("[flow]")]
    [InlineData("{flow}")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%directive")]
    [InlineData("@at")]
    [InlineData("'single'")]
    [InlineData("say \"hi\"")]
    [InlineData("back\\slash")]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    [InlineData("ends with colon:")]
    [InlineData("ünïcödé ✓")]
    [InlineData("2026-11-28")]
    [InlineData("12:30")]
    public void AnyStringReadsBackAsItself(string value)
    {
        var edited = Edit("config:\n", file => file.Set(ClientId, new PlainValue(value)));

        Assert.Equal(new PlainValue(value), StackFile.Parse(Path, edited).Find(ClientId));
    }
}
