using System.Text.Json.Nodes;
using FakePulumiEngine;

namespace Infra.Tests.PulumiMode;

/// <summary>Views on the fake engine's recording.</summary>
internal static class Recorded
{
    public const string Stack = "pulumi:pulumi:Stack";
    public const string Blueprint = "port:index/blueprint:Blueprint";
    public const string Secret = "port:index/organizationSecret:OrganizationSecret";
    public const string Action = "port:index/action:Action";
    public const string Entity = "port:index/entity:Entity";
    public const string ActionPermissions = "port:index/actionPermissions:ActionPermissions";
    public const string Provider = "pulumi:providers:port";
    public const string Webhook = "port:index/webhook:Webhook";
    public const string SpaceliftProvider = "pulumi:providers:spacelift";
    public const string NamedWebhook = "spacelift:index/namedWebhook:NamedWebhook";
    public const string Policy = "spacelift:index/policy:Policy";

    /// <summary>The provider reference every Port resource carries in a run whose provider the engine gave <paramref name="id"/>.</summary>
    public static string ProviderReference(string id = "port") => $"{Urn(Provider, "port")}::{id}";

    public static List<RecordedCall> Registrations(this IReadOnlyList<RecordedCall> calls)
        => [.. calls.Where(c => c.Method == "RegisterResource")];

    /// <summary>The resources (custom resources other than the explicit providers, Port's and Spacelift's).</summary>
    public static List<RecordedCall> Custom(this IReadOnlyList<RecordedCall> calls)
        => [.. calls.Registrations().Where(c => c.Request["custom"]?.GetValue<bool>() == true && !Text(c.Request, "type")!.StartsWith("pulumi:providers:", StringComparison.Ordinal))];

    /// <summary>The entities of the Spacelift stacks' blueprint (not the self-renewing token's lease).</summary>
    public static List<RecordedCall> StackEntities(this IReadOnlyList<RecordedCall> calls, string blueprint = "space_lift_stack")
        => [.. calls.Custom().Where(c => Text(c.Request, "type") == Entity && Text(c.Request, "name")!.StartsWith(blueprint + "/", StringComparison.Ordinal))];

    public static RecordedCall Named(this IReadOnlyList<RecordedCall> calls, string type, string name)
        => calls.Registrations().Single(c => Text(c.Request, "type") == type && Text(c.Request, "name") == name);

    public static string Urn(string type, string name) => $"urn:pulumi:dev::infra::{type}::{name}";

    public static string? Text(JsonObject request, string field) => request[field]?.GetValue<string>();

    public static List<string> Strings(JsonObject request, string field)
        => [.. (request[field] as JsonArray ?? []).Select(n => n!.GetValue<string>())];

    public static List<RecordedCall> Errors(this IReadOnlyList<RecordedCall> calls)
        => [.. calls.Where(c => c.Method == "Log" && Text(c.Request, "severity") == "ERROR")];
}
