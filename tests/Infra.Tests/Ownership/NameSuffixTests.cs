using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Ownership;

public sealed class NameSuffixTests
{
    [Theory]
    [InlineData("")]
    [InlineData("eu")]
    [InlineData("acme_2")]
    [InlineData("0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcd")] // 40
    public void Accepts_lower_case_letters_digits_and_underscores(string suffix)
        => Assert.Null(NameSuffix.Problem(suffix));

    [Theory]
    [InlineData("EU", "lower-case")]
    [InlineData("eu-west", "lower-case")]
    [InlineData("_eu", "starting with a letter or digit")]
    [InlineData("e u", "lower-case")]
    [InlineData("eu.1", "lower-case")]
    [InlineData("{{x}}", "lower-case")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcde", "41 characters")]
    public void Refuses_what_Port_or_the_templates_would_reject(string suffix, string said)
        => Assert.Contains(said, NameSuffix.Problem(suffix));

    [Fact]
    public void Without_a_suffix_the_names_are_the_guides()
    {
        var names = ResourceNames.Guide;

        Assert.Equal(
            ["SPACELIFT_API_KEY_ID", "SPACELIFT_API_KEY_SECRET", "SPACELIFT_TOKEN", "trigger_spacelift_stack", "refresh_spacelift_token", "spacelift_token_refresh_sync"],
            [names.ApiKeyIdSecret, names.ApiKeySecretSecret, names.TokenSecret, names.TriggerAction, names.RefreshAction, names.TokenAutomation]);
        Assert.Equal("Trigger Spacelift Stack", names.Title("Trigger Spacelift Stack", new Uri("https://acme.app.spacelift.io/")));
    }

    [Fact]
    public void A_suffix_goes_on_every_identifier_and_upper_cased_on_every_secret()
    {
        var names = new ResourceNames("eu_2");

        Assert.Equal(
            ["SPACELIFT_API_KEY_ID_EU_2", "SPACELIFT_API_KEY_SECRET_EU_2", "SPACELIFT_TOKEN_EU_2", "trigger_spacelift_stack_eu_2", "refresh_spacelift_token_eu_2", "spacelift_token_refresh_sync_eu_2"],
            [names.ApiKeyIdSecret, names.ApiKeySecretSecret, names.TokenSecret, names.TriggerAction, names.RefreshAction, names.TokenAutomation]);
    }

    [Fact]
    public void The_longest_names_fit_Ports_limits_at_the_longest_suffix()
    {
        var names = new ResourceNames(new string('a', NameSuffix.MaxLength));

        Assert.All([names.ApiKeySecretSecret, names.TokenAutomation], name => Assert.True(name.Length <= 100, name));
        Assert.True(names.Title("Refresh Spacelift Token", new Uri("https://" + new string('x', 60) + ".app.spacelift.io/")).Length <= 100);
    }

    [Fact]
    public void With_a_suffix_titles_name_the_account()
        => Assert.Equal(
            "Trigger Spacelift Stack (eu: acme.app.spacelift.io)",
            new ResourceNames("eu").Title("Trigger Spacelift Stack", new Uri("https://acme.app.spacelift.io/")));

    [Fact]
    public void An_invalid_suffix_cannot_make_names()
        => Assert.Throws<ArgumentException>(() => new ResourceNames("EU"));
}
