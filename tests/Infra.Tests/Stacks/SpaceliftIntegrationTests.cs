using Infra.Sdk.Spacelift;
using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Stacks;

namespace Infra.Tests.Stacks;

public sealed class SpaceliftIntegrationTests
{
    private static readonly IntegrationInputs Inputs = new(
        "my_stacks",
        new Uri("https://api.getport.io/"),
        new Uri("https://acme.app.spacelift.io/"),
        new Secret("id"),
        new Secret("secret"));

    private static readonly SpaceliftStack Sample = new("stack-1", "Stack 1", "root", null, ["a"], "infra", "FINISHED", "GITHUB", "main");

    [Fact]
    public void EachResourceNamesWhatItNeedsFirst()
    {
        var graph = SpaceliftIntegration.Declare(Inputs, [Sample]);

        var needs = graph.Resources.ToDictionary(r => $"{r.Address.Kind} {r.Address.Id}", r => string.Join(", ", r.DependsOn.Select(a => $"{a.Kind} {a.Id}")));
        Assert.Equal("Blueprint my_stacks, Secret SPACELIFT_TOKEN", needs["Action trigger_spacelift_stack"]);
        Assert.Equal("Secret SPACELIFT_API_KEY_ID, Secret SPACELIFT_API_KEY_SECRET", needs["Action refresh_spacelift_token"]);
        Assert.Equal("Action refresh_spacelift_token, Secret SPACELIFT_TOKEN", needs["Automation spacelift_token_refresh_sync"]);
        Assert.Equal("Action trigger_spacelift_stack", needs["ActionPermissions trigger_spacelift_stack"]);
        Assert.Equal("", needs["Blueprint my_stacks"]);
        var set = Assert.Single(graph.EntitySets);
        Assert.Equal(("my_stacks", "stack-1"), (set.Blueprint, Assert.Single(set.Entities).Address.Id));
    }

    [Fact]
    public void SecretValuesTravelBesideTheBodyNeverInIt()
    {
        var secrets = SpaceliftIntegration.Declare(Inputs, []).All.Where(r => r.Address.Kind == ResourceKind.Secret).ToList();

        Assert.All(secrets, s => Assert.False(s.Body.ContainsKey("secretValue")));
        Assert.Equal("id", Assert.IsType<SecretValue.Given>(secrets[0].Value).Secret.Reveal());
        Assert.Equal("secret", Assert.IsType<SecretValue.Given>(secrets[1].Value).Secret.Reveal());
        Assert.IsType<SecretValue.Minted>(secrets[2].Value);
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
        var a = SpaceliftIntegration.Declare(Inputs, [Sample]).All;
        var b = SpaceliftIntegration.Declare(Inputs, [Sample]).All;

        Assert.All(a.Zip(b), p => Assert.True(JsonNode.DeepEquals(p.First.Body, p.Second.Body)));
    }
}
