using Infra.Sdk;

namespace Infra.Cli.Port;

/// <summary>
/// The routes of every Port kind with one of its own (entities have none: they are read and written in
/// bulk per blueprint). The envelope keys are those Port's answers use and its Terraform provider reads;
/// the webhook's is <c>integration</c> (the OpenAPI document gives no 2xx schema for it).
/// </summary>
internal static class PortRoutes
{
    private static readonly Dictionary<ResourceKind, PortRoute> Routes = new()
    {
        [ResourceKind.Blueprint] = new("v1/blueprints", "blueprint", HttpMethod.Put),
        // A part of its blueprint: read with it; PortResources writes it by putting the whole blueprint back.
        [ResourceKind.AggregationProperties] = new("v1/blueprints", "blueprint", HttpMethod.Patch),
        [ResourceKind.Secret] = new("v1/organization/secrets", "secret", HttpMethod.Patch),
        // Automations are actions with an event trigger: the same routes.
        [ResourceKind.Action] = new("v1/actions", "action", HttpMethod.Put),
        [ResourceKind.Automation] = new("v1/actions", "action", HttpMethod.Put),
        [ResourceKind.ActionPermissions] = new("v1/actions", "permissions", HttpMethod.Patch, ItemSuffix: "permissions"),
        [ResourceKind.Webhook] = new("v1/webhooks", "integration", HttpMethod.Put),
    };

    /// <exception cref="ArgumentException"><paramref name="kind"/> has no route of its own in Port.</exception>
    public static PortRoute For(ResourceKind kind) =>
        Routes.GetValueOrDefault(kind) ?? throw new ArgumentException($"{kind} has no route of its own in Port", nameof(kind));
}
