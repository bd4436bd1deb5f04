using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Stacks;
using Infra.Sdk.Declarations;

namespace Infra.Tests.Stacks;

public sealed class SpaceliftIntegrationTests
{
    private static readonly IntegrationInputs Inputs = new(
        "my_stacks",
        new Uri("https://api.getport.io/"),
        new Uri("https://acme.app.spacelift.io/"),
        new Secret("id"),
        new Secret("secret"),
        TokenSource.Minted);

    private static readonly SpaceliftStack Sample = new("stack-1", "Stack 1", "root", null, ["a"], "infra", "FINISHED", "GITHUB", "main");

    [Fact]
    public void ResourcesComeInApplyOrder()
    {
        var state = SpaceliftIntegration.Declare(Inputs, [Sample]).State;

        Assert.Equal(
            ["Blueprint my_stacks", "Secret SPACELIFT_API_KEY_ID", "Secret SPACELIFT_API_KEY_SECRET", "Secret SPACELIFT_TOKEN", "Action trigger_spacelift_stack", "Action refresh_spacelift_token", "ActionPermissions trigger_spacelift_stack", "ActionPermissions refresh_spacelift_token", "Automation spacelift_token_refresh_sync", "Entity stack-1"],
            state.Resources.Select(r => $"{r.Address.Kind} {r.Address.Id}"));
    }

    [Fact]
    public void SecretValuesTravelBesideTheBodyNeverInIt()
    {
        var secrets = SpaceliftIntegration.Declare(Inputs, []).State.Resources.Where(r => r.Address.Kind == ResourceKind.Secret).ToList();

        Assert.All(secrets, s => Assert.False(s.Body.ContainsKey("secretValue")));
        Assert.Equal("id", secrets[0].SecretValue!.Reveal());
        Assert.Equal("secret", secrets[1].SecretValue!.Reveal());
        Assert.Null(secrets[2].SecretValue);
    }

    [Fact]
    public void UrlsAndTheBlueprintComeFromConfiguration()
    {
        Assert.Equal("https://acme.app.spacelift.io/graphql", SpaceliftIntegration.TriggerAction(Inputs)["invocationMethod"]!["url"]!.GetValue<string>());
        Assert.Equal("https://acme.app.spacelift.io/graphql", SpaceliftIntegration.RefreshAction(Inputs)["invocationMethod"]!["url"]!.GetValue<string>());
        Assert.Equal("https://api.getport.io/v1/organization/secrets/SPACELIFT_TOKEN", SpaceliftIntegration.TokenAutomation(Inputs)["invocationMethod"]!["url"]!.GetValue<string>());
        Assert.Equal("my_stacks", SpaceliftIntegration.TriggerAction(Inputs)["trigger"]!["userInputs"]!["properties"]!["stack"]!["blueprint"]!.GetValue<string>());
    }

    [Fact]
    public void AnEntityMapsEveryFieldLinksTheStackAndOmitsANullDescription()
    {
        var entity = SpaceliftIntegration.Entity(Inputs, Sample with { Id = "a/b c" });

        var expected = JsonNode.Parse("""
            {"identifier":"a/b c","title":"Stack 1","properties":{"space":"root","label":["a"],"repository":"infra",
             "link":"https://acme.app.spacelift.io/stack/a%2Fb%20c","state":"FINISHED","git_provider":"GITHUB","branch":"main"},"relations":{}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, entity), entity.ToJsonString());
    }

    [Fact]
    public void DeclaringTwiceGivesEqualBodies()
    {
        var a = SpaceliftIntegration.Declare(Inputs, [Sample]).State.Resources;
        var b = SpaceliftIntegration.Declare(Inputs, [Sample]).State.Resources;

        Assert.All(a.Zip(b), p => Assert.True(JsonNode.DeepEquals(p.First.Body, p.Second.Body)));
    }
}
