namespace Benchmarks.Measurement;

/// <summary>Sorts Port requests by what they cost Port: the token and searches are reads although they are POSTs.</summary>
public static class PortRoutes
{
    public static RouteKind Classify(string method, string path)
    {
        if (method == "GET" || path.EndsWith("/auth/access_token", StringComparison.Ordinal)
            || path.EndsWith("/entities/search", StringComparison.Ordinal))
        {
            return RouteKind.Read;
        }

        return method == "POST" && (path.EndsWith("/entities/bulk", StringComparison.Ordinal)
            || path.EndsWith("/bulk/entities/delete", StringComparison.Ordinal))
            ? RouteKind.BulkWrite
            : RouteKind.Write;
    }
}
