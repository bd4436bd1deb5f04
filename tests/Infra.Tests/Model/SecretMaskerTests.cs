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
}
