using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Emulators.Port.Http;

/// <summary>
/// What every Port route shares: trace id and rate-limit headers, bearer auth, the 1 MiB body limit,
/// JSON parsing and the <c>{ok, ...}</c> / <c>{ok:false, error, message}</c> envelopes.
/// </summary>
internal sealed class PortPipeline(PortEmulatorOptions options, TokenIssuer tokens, RateLimitWindow window)
{
    /// <summary>Carried on webhooks the emulator sends to itself, so automation chains stay bounded.</summary>
    public const string DepthHeader = "X-Port-Emulator-Depth";

    public const string TokenPath = "/v1/auth/access_token";

    public void UseMiddleware(WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.Headers["X-Trace-Id"] = Guid.NewGuid().ToString();
        var rate = window.Count();
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = rate.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = rate.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = rate.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-period"] = rate.PeriodSeconds.ToString(CultureInfo.InvariantCulture);
        if (rate.Exceeded && options.EnforceRateLimit)
        {
            headers.RetryAfter = rate.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, new PortApiError(429, "rate_limit_exceeded", "Too many requests for this organization, retry after the rate-limit window resets"));
            return;
        }

        var isTokenRoute = HttpMethods.IsPost(context.Request.Method)
            && string.Equals(context.Request.Path.Value, TokenPath, StringComparison.OrdinalIgnoreCase);
        // A webhook's ingest URL carries its own credential (the key in the path, and the signature).
        if (!isTokenRoute && !Webhooks.WebhookIngest.IsIngestPath(context.Request.Path) && !HasValidBearer(context.Request))
        {
            await WriteErrorAsync(context, new PortApiError(401, "unauthorized", "A valid 'Authorization: Bearer <access token>' header is required; get a token from POST /v1/auth/access_token"));
            return;
        }

        await next(context);
    });

    public void Map(WebApplication app, string method, string pattern, Func<PortRequest, Task<ApiResult>> handler)
        => app.MapMethods(pattern, [method], (RequestDelegate)(context => HandleAsync(context, handler)));

    public void Map(WebApplication app, string method, string pattern, Func<PortRequest, ApiResult> handler)
        => Map(app, method, pattern, request => Task.FromResult(handler(request)));

    public void MapFallback(WebApplication app) => app.MapFallback((RequestDelegate)(context => WriteErrorAsync(
        context,
        PortApiError.NotFound($"Route {context.Request.Method} {context.Request.Path} was not found"))));

    public static async Task WriteErrorAsync(HttpContext context, PortApiError error)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error.Error, ["message"] = error.Message };
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private bool HasValidBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && tokens.IsValid(header[scheme.Length..].Trim());
    }

    private async Task HandleAsync(HttpContext context, Func<PortRequest, Task<ApiResult>> handler)
    {
        ApiResult result;
        try
        {
            var body = await ReadBodyAsync(context.Request);
            var depth = int.TryParse(context.Request.Headers[DepthHeader], CultureInfo.InvariantCulture, out var d) ? d : 0;
            result = await handler(new PortRequest(context, body, depth));
        }
        catch (PortApiError error)
        {
            await WriteErrorAsync(context, error);
            return;
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json's typed reads throw this when a field holds the wrong JSON type.
            await WriteErrorAsync(context, PortApiError.Invalid($"The request body has a value of the wrong type: {e.Message}"));
            return;
        }
        catch (ArgumentException e)
        {
            await WriteErrorAsync(context, new PortApiError(400, "bad_request", $"The request body is not acceptable JSON: {e.Message}"));
            return;
        }

        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteBoolean("ok", true);
        foreach (var (key, value) in result.Body)
        {
            writer.WritePropertyName(key);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            throw new PortApiError(400, "bad_request", $"Request body is not valid JSON: {e.Message}");
        }
    }

    private static PortApiError TooLarge(long limit)
        => new(413, "request_entity_too_large", $"Request body exceeds the {limit / 1024} KiB limit");
}
