using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Ownership;

/// <summary>A stack with <c>infra:nameSuffix</c>: its names flow into every template that refers to them.</summary>
public sealed class SuffixedDeclarationTests
{
    private static readonly IntegrationInputs Inputs = new(
        "space_lift_stack_eu",
        new Uri("https://api.us.port.io/"),
        new Uri("https://acme-eu.app.spacelift.io/"),
        new Secret("01HAPIKEYID"),
        new Secret("api-key-secret"))
    {
        Names = new ResourceNames("eu"),
        Owner = new StackOwner("infra", "eu"),
    };

    private static readonly IReadOnlyList<DesiredResource> Resources = SpaceliftIntegration.Declare(Inputs, []).All;

    [Fact]
    public void Every_identifier_and_secret_name_carries_the_suffix()
        => Assert.Equal(
            ["space_lift_stack_eu", "SPACELIFT_API_KEY_ID_EU", "SPACELIFT_API_KEY_SECRET_EU", "SPACELIFT_TOKEN_EU", "trigger_spacelift_stack_eu", "refresh_spacelift_token_eu", "trigger_spacelift_stack_eu", "refresh_spacelift_token_eu", "spacelift_token_refresh_sync_eu"],
            Resources.Select(r => r.Address.Id));

    [Fact]
    public void Each_actions_permissions_name_the_suffixed_action()
        => Assert.Equal(
            ["trigger_spacelift_stack_eu", "refresh_spacelift_token_eu"],
            Resources.Where(r => r.Address.Kind == ResourceKind.ActionPermissions).Select(r => r.Body["actionIdentifier"]!.GetValue<string>()));

    [Fact]
    public void Templates_refer_to_the_suffixed_secrets_action_and_url()
    {
        var trigger = SpaceliftIntegration.TriggerAction(Inputs);
        var refresh = SpaceliftIntegration.RefreshAction(Inputs);
        var automation = SpaceliftIntegration.TokenAutomation(Inputs);

        Assert.Equal("Bearer {{.secrets.SPACELIFT_TOKEN_EU}}", trigger["invocationMethod"]!["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal("{{.secrets.SPACELIFT_API_KEY_ID_EU}}", refresh["invocationMethod"]!["body"]!["variables"]!["id"]!.GetValue<string>());
        Assert.Equal("{{.secrets.SPACELIFT_API_KEY_SECRET_EU}}", refresh["invocationMethod"]!["body"]!["variables"]!["secret"]!.GetValue<string>());
        Assert.Equal("refresh_spacelift_token_eu", automation["trigger"]!["event"]!["actionIdentifier"]!.GetValue<string>());
        Assert.Equal("https://api.us.port.io/v1/organization/secrets/SPACELIFT_TOKEN_EU", automation["invocationMethod"]!["url"]!.GetValue<string>());
        Assert.Equal("space_lift_stack_eu", trigger["trigger"]!["userInputs"]!["properties"]!["stack"]!["blueprint"]!.GetValue<string>());
    }

    [Fact]
    public void Titles_name_the_account_and_descriptions_the_owner()
    {
        Assert.Equal("Trigger Spacelift Stack (eu: acme-eu.app.spacelift.io)", SpaceliftIntegration.TriggerAction(Inputs)["title"]!.GetValue<string>());
        Assert.Equal("Refresh Spacelift Token (eu: acme-eu.app.spacelift.io)", SpaceliftIntegration.RefreshAction(Inputs)["title"]!.GetValue<string>());
        // An action's permissions have no description: they belong to the action's owner.
        Assert.All(Resources.Where(r => r.Address.Kind.LivesIn is null), r => Assert.Equal(new StackOwner("infra", "eu"), OwnerMark.Read(r.Body["description"]!.GetValue<string>())));
    }
}
