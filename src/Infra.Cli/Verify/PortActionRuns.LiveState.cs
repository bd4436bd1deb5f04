using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Cli.Port;

namespace Infra.Cli.Verify;

/// <summary>What the live-state check reads: one entity, and the audit log of one webhook.</summary>
internal sealed partial class PortActionRuns
{
    /// <summary>The entity, or null when Port has none by that identifier.</summary>
    public Task<JsonObject?> GetEntityAsync(string blueprint, string identifier, CancellationToken cancellationToken)
        => GetOrNullAsync($"v1/blueprints/{Escape(blueprint)}/entities/{Escape(identifier)}", "entity", cancellationToken);

    /// <summary>
    /// <c>GET /v1/audit-log?webhookId=…&amp;from=…</c>: what Port did with the webhook's events since
    /// <paramref name="from"/> (an ISO time from Port's own clock), newest first as Port lists them.
    /// Entries carry <c>status</c> (SUCCESS or FAILURE) and <c>message</c>, under <c>audits</c>.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> GetWebhookAuditAsync(string webhook, string? from, CancellationToken cancellationToken)
    {
        var query = $"v1/audit-log?webhookId={Escape(webhook)}&limit=100" + (from is null ? "" : $"&from={Escape(from)}");
        var request = new PortRequest(HttpMethod.Get, query, RequestKind.Read);
        var answer = await _reads.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = _reads.EnsureSuccess(request, answer);
        return body["audits"] is JsonArray audits
            ? [.. audits.OfType<JsonObject>()]
            : throw _reads.Protocol(request, answer, "Port's answer has no \"audits\" array");
    }
}
