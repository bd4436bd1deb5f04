using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>The renderer of each kind that has a Pulumi provider (the Port provider's resources); Pulumi mode knows no other shapes.</summary>
public static class ProviderInputs
{
    private static readonly Dictionary<ResourceKind, IProviderInputsRenderer> Renderers = new()
    {
        [ResourceKind.Blueprint] = new BlueprintInputs(),
        [ResourceKind.AggregationProperties] = new AggregationPropertiesInputs(),
        [ResourceKind.Secret] = new SecretInputs(),
        [ResourceKind.Action] = new ActionInputs(),
        [ResourceKind.Automation] = new ActionInputs(),
        [ResourceKind.ActionPermissions] = new ActionPermissionsInputs(),
        [ResourceKind.Entity] = new EntityInputs(),
        [ResourceKind.Webhook] = new WebhookInputs(),
    };

    /// <summary>The renderer of <paramref name="kind"/>, or null when no Pulumi provider declares it.</summary>
    public static IProviderInputsRenderer? For(ResourceKind kind) => Renderers.GetValueOrDefault(kind);
}
