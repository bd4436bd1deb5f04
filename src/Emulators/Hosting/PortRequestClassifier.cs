using Microsoft.AspNetCore.Http;

namespace Emulators.Hosting;

/// <summary>
/// Port routes by group: <c>auth</c> (token), <c>search</c> (any POST ending in <c>/search</c>),
/// <c>runs</c> (action runs), <c>actions</c> (actions and automations), <c>entities</c>,
/// <c>blueprints</c>, <c>secrets</c>, <c>webhooks</c> (webhook data sources and the audit log), <c>ingest</c> (webhook ingest URLs). GETs and searches are reads; every other method writes.
/// </summary>
public static class PortRequestClassifier
{
    public static RequestClass Classify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = (request.Path.Value ?? "/").TrimEnd('/').ToLowerInvariant();
        var isSearch = HttpMethods.IsPost(request.Method) && path.EndsWith("/search", StringComparison.Ordinal);
        var group = path switch
        {
            _ when path.StartsWith("/v1/auth", StringComparison.Ordinal) => "auth",
            _ when isSearch => "search",
            _ when path.StartsWith("/v1/actions", StringComparison.Ordinal) && path.Contains("/runs", StringComparison.Ordinal) => "runs",
            _ when path.StartsWith("/v1/actions", StringComparison.Ordinal) || path.StartsWith("/v1/automations", StringComparison.Ordinal) => "actions",
            _ when path.StartsWith("/v1/entities", StringComparison.Ordinal) => "entities",
            _ when path.StartsWith("/v1/blueprints", StringComparison.Ordinal) && path.Contains("entities", StringComparison.Ordinal) => "entities",
            _ when path.StartsWith("/v1/blueprints", StringComparison.Ordinal) => "blueprints",
            _ when path.StartsWith("/v1/organization/secrets", StringComparison.Ordinal) => "secrets",
            _ when path.StartsWith("/v1/webhooks", StringComparison.Ordinal) || path.StartsWith("/v1/audit-log", StringComparison.Ordinal) => "webhooks",
            _ when path.StartsWith("/ingest/", StringComparison.Ordinal) => "ingest",
            _ => null,
        };
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || isSearch;
        return new RequestClass(group, isRead);
    }
}
