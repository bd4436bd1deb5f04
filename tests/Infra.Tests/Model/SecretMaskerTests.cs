using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Tests.Model;

/// <summary>The one masking rule: a secret's text is replaced where it appears, and the rest of the message is kept.</summary>
public sealed class SecretMaskerTests
{
    [Fact]
    public void ReplacesTheSecretsTextInsideAMessageAndKeepsTheRest()
    {
        var masker = new SecretMasker([new Secret("s3cr3t-value")]);

        var masked = masker.MaskText("Spacelift refused API key 01HKEYID (bad secret s3cr3t-value)");

        Assert.Equal("Spacelift refused API key 01HKEYID (bad secret [secret])", masked);
    }

    [Fact]
    public void MasksALongerSecretWholeWhenItContainsAShorterOne()
    {
        var masker = new SecretMasker([new Secret("abc"), new Secret("xxabcxx")]);
        masker.Add("");
        masker.Add(null);

        Assert.Equal("[secret] and [secret]", masker.MaskText("xxabcxx and abc"));
    }

    [Fact]
    public void ValuesAddedLaterAndValuesGivenPerCallAreMaskedToo()
    {
        var masker = new SecretMasker();
        masker.Add("minted-jwt");

        Assert.Equal("token [secret], body [secret]", masker.MaskText("token minted-jwt, body echoed", ["echoed"]));
    }

    [Fact]
    public void MasksStringsInsideJsonWhereverTheySit()
    {
        var masker = new SecretMasker([new Secret("tok3n")]);
        var body = JsonNode.Parse("""{"headers":{"Authorization":"Bearer tok3n"},"list":["tok3n",1,"clean"],"id":"01HKEYID"}""");

        var masked = masker.Mask(body)!.ToJsonString();

        Assert.Equal("""{"headers":{"Authorization":"Bearer [secret]"},"list":["[secret]",1,"clean"],"id":"01HKEYID"}""", masked);
        Assert.Equal("[secret]", masker.Mask(JsonValue.Create("tok3n"))!.GetValue<string>());
    }

    [Fact]
    public void AOneLetterSecretLeavesTheLettersOfAMessageAlone()
    {
        var masker = new SecretMasker([new Secret("e")]);
        const string message = "Port refused client id emulator (The client id or client secret is wrong, HTTP 401)";

        Assert.Equal(message, masker.MaskText(message));
    }

    [Theory]
    [InlineData("https://port.test/token?secret=e&x=1", "https://port.test/token?secret=[secret]&x=1")]
    [InlineData("""{"clientId":"id","clientSecret":"e"}""", """{"clientId":"id","clientSecret":"[secret]"}""")]
    [InlineData("Authorization: Bearer e", "Authorization: Bearer [secret]")]
    [InlineData("bad secret 'e' for client", "bad secret '[secret]' for client")]
    [InlineData("e", "[secret]")]
    public void AShortSecretIsMaskedWhereItStandsAsAWholeValue(string text, string masked)
    {
        var masker = new SecretMasker([new Secret("e")]);

        Assert.Equal(masked, masker.MaskText(text));
    }

    [Fact]
    public void AShortSecretInsideALongerWordOrIdentifierIsNotASecret()
    {
        var masker = new SecretMasker([new Secret("abc1")]);

        Assert.Equal("xabc1 abc1x abc1_id id_abc1 [secret]", masker.MaskText("xabc1 abc1x abc1_id id_abc1 abc1"));
    }

    [Fact]
    public void ALongSecretIsMaskedWhereverItsTextAppearsEvenInsideAWord()
    {
        var masker = new SecretMasker([new Secret("k3y-0123456789abcdef")]);

        Assert.Equal("prefix[secret]suffix", masker.MaskText("prefixk3y-0123456789abcdefsuffix"));
    }

    [Fact]
    public void ASecretIsMaskedInItsUrlAndJsonEscapedFormsToo()
    {
        var masker = new SecretMasker([new Secret("p@ss/word+\"quoted\"")]);

        Assert.Equal("url ?s=[secret]&", masker.MaskText("url ?s=p%40ss%2Fword%2B%22quoted%22&"));
        Assert.Equal("""json {"s":"[secret]"}""", masker.MaskText("""json {"s":"p@ss/word+\"quoted\""}"""));
    }

    [Fact]
    public void AnIdentifierEqualToASecretIsShown()
    {
        var masker = new SecretMasker([new Secret("emulator")]);
        masker.Allow("emulator");

        Assert.Equal("Port refused client id emulator", masker.MaskText("Port refused client id emulator"));
    }

    [Fact]
    public void AMaskedSpanIsNeverMaskedAgainByAShorterSecret()
    {
        var masker = new SecretMasker([new Secret("secret"), new Secret("a-secret-value")]);

        Assert.Equal("[secret] and [secret]", masker.MaskText("a-secret-value and secret"));
    }
}
