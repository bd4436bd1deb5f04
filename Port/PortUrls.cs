namespace Infra.Port;

/// <summary>Every Port route the client calls, relative to the base URL; identifiers are URL-escaped here and nowhere else.</summary>
internal static class PortUrls
{
    public const string AccessToken = "v1/auth/access_token";

    public const string Blueprints = "v1/blueprints";

    public const string Actions = "v1/actions";

    public const string Secrets = "v1/organization/secrets";

    public static string Blueprint(string identifier) => $"{Blueprints}/{Escape(identifier)}";

    public static string Action(string identifier) => $"{Actions}/{Escape(identifier)}";

    public static string Secret(string secretName) => $"{Secrets}/{Escape(secretName)}";

    /// <summary>Calculated properties are Port's to compute; reading them would show as drift against the declarations.</summary>
    public static string EntitySearch(string blueprint) =>
        $"{Blueprint(blueprint)}/entities/search?exclude_calculated_properties=true";

    /// <summary><c>upsert=true</c> without <c>merge</c>: each entity is replaced whole, as declared.</summary>
    public static string EntityBulkUpsert(string blueprint) => $"{Blueprint(blueprint)}/entities/bulk?upsert=true";

    public static string EntityBulkDelete(string blueprint) => $"{Blueprint(blueprint)}/bulk/entities/delete?delete_dependents=false";

    private static string Escape(string identifier) => Uri.EscapeDataString(identifier);
}
