using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Emulators.Port.Http;

/// <summary>One request as the route handlers see it: route values, flags and the already parsed body.</summary>
internal sealed class PortRequest(HttpContext http, JsonNode? body, int depth)
{
    public HttpContext Http { get; } = http;

    public JsonNode? Body { get; } = body;

    /// <summary>How many automation hops led to this request (0 for a request from outside).</summary>
    public int Depth { get; } = depth;

    /// <summary>Route value, with an encoded '/' (kept encoded by Kestrel) turned back into '/'.</summary>
    public string Route(string name)
        => (Http.Request.RouteValues[name] as string ?? string.Empty).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    public bool Flag(string name)
        => Http.Request.Query.TryGetValue(name, out var value) && string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    public string? Query(string name)
        => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The body as an object, or 422 naming what was sent instead.</summary>
    public JsonObject ObjectBody()
        => Body as JsonObject ?? throw PortApiError.Invalid($"request body must be a JSON object, got {Describe(Body)}");

    private static string Describe(JsonNode? node) => node is null ? "nothing" : node.GetValueKind().ToString().ToLowerInvariant();
}
