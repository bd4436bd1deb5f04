using System.Globalization;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Webhooks;

/// <summary>
/// <c>GET /v1/audit-log</c>, limited to what the emulator records (webhook events): the filters
/// <c>webhookId</c> (the webhook's identifier), <c>webhookEventId</c>, <c>status</c>, <c>from</c>, <c>to</c>,
/// <c>entity</c>, <c>blueprint</c> and <c>limit</c>, ANDed; answered as <c>{ok, audits:[...]}</c>, newest first.
/// </summary>
internal sealed class AuditRoutes(PortContext context)
{
    public const string ListKey = "audits";
    private const int DefaultLimit = 1000;
    private const int MaxLimit = 10_000;

    public void Map(WebApplication app, PortPipeline pipeline) => pipeline.Map(app, "GET", "/v1/audit-log", List);

    private ApiResult List(PortRequest request)
    {
        var status = request.Query("status");
        if (status is not (null or "SUCCESS" or "FAILURE"))
        {
            throw PortApiError.Invalid($"querystring/status must be one of SUCCESS, FAILURE, got '{status}'");
        }

        var limit = DefaultLimit;
        if (request.Query("limit") is { } text
            && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > MaxLimit))
        {
            throw PortApiError.Invalid($"querystring/limit must be a number from 1 to {MaxLimit}, got '{text}'");
        }
        else if (request.Query("limit") is { } given)
        {
            limit = (int)double.Parse(given, CultureInfo.InvariantCulture);
        }

        var query = new AuditQuery(
            request.Query("webhookId"),
            request.Query("webhookEventId"),
            status is null ? null : status == "SUCCESS",
            Time(request, "from"),
            Time(request, "to"),
            request.Query("entity"),
            request.Query("blueprint"),
            limit);
        var entries = context.Organisation.Audit.Query(query);
        return ApiResult.Ok(ListKey, new JsonArray([.. entries.Select(e => (JsonNode)e.Render())]));
    }

    private static DateTimeOffset? Time(PortRequest request, string name)
    {
        if (request.Query(name) is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw PortApiError.Invalid($"querystring/{name} must be an ISO date-time such as 2022-04-23T18:25:43.511Z, got '{text}'");
    }
}
