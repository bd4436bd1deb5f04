using Infra.Sdk;

namespace Infra.Cli.Port;

/// <summary>
/// Builds Port routes, relative to the base URL, from the kinds' routes (<see cref="PortRoutes"/>);
/// identifiers are URL-escaped here and nowhere else.
/// </summary>
internal static class PortUrls
{
    public const string AccessToken = "v1/auth/access_token";

    /// <summary>
    /// The search across blueprints, as Port's Terraform provider sends it (<c>internal/cli/search.go</c>: the
    /// fields to keep joined with commas in one <c>include</c>).
    /// </summary>
    public static string GlobalEntitySearch(IReadOnlyList<string> include) =>
        include.Count == 0 ? "v1/entities/search" : "v1/entities/search?include=" + Uri.EscapeDataString(string.Join(',', include));

    public static string Collection(ResourceKind kind) => PortRoutes.For(kind).Collection;

    public static string Item(ResourceKind kind, string identifier)
    {
        var route = PortRoutes.For(kind);
        return route.ItemSuffix is { } suffix ? $"{route.Collection}/{Escape(identifier)}/{suffix}" : $"{route.Collection}/{Escape(identifier)}";
    }

    /// <summary>Calculated properties are Port's to compute; reading them would show as drift against the declarations.</summary>
    public static string EntitySearch(string blueprint) =>
        $"{Blueprint(blueprint)}/entities/search?exclude_calculated_properties=true";

    /// <summary><c>upsert=true</c> without <c>merge</c>: each entity is replaced whole, as declared.</summary>
    public static string EntityBulkUpsert(string blueprint) => $"{Blueprint(blueprint)}/entities/bulk?upsert=true";

    public static string EntityBulkDelete(string blueprint) => $"{Blueprint(blueprint)}/bulk/entities/delete?delete_dependents=false";

    /// <summary>
    /// The URL to use instead when <paramref name="baseUrl"/> ends in <c>/v1</c> (every route already
    /// starts with it, as in Port's own examples: <c>https://api.getport.io/v1/...</c>); null otherwise.
    /// </summary>
    public static Uri? VersionedRoot(Uri baseUrl)
    {
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase)
            ? new Uri(baseUrl, path[..^"v1".Length])
            : null;
    }

    public static string Blueprint(string identifier) => Item(ResourceKind.Blueprint, identifier);

    private static string Escape(string identifier) => Uri.EscapeDataString(identifier);
}
