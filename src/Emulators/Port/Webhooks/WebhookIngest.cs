using System.Diagnostics;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Emulators.Port.Webhooks;

/// <summary>
/// <c>POST /ingest/{webhookKey}</c>, the URL a webhook's answer gives. As Port documents: no bearer token
/// (the key in the path and the optional signature are the credentials), 413 above 512 KiB, and
/// <c>202 Accepted</c> at once, processing later. Events of one webhook are processed one at a time, in the
/// order they were accepted, on the emulator's background work (so <c>WhenIdleAsync</c> covers them).
/// </summary>
internal sealed class WebhookIngest(PortContext context, BackgroundWork background, WebhookEventProcessor processor)
{
    public const string PathPrefix = "ingest/";
    public const long MaxBodyBytes = 512 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<IngestEvent>> _queues = new(StringComparer.Ordinal);

    public static bool IsIngestPath(PathString path)
        => path.StartsWithSegments("/" + PathPrefix.TrimEnd('/'), StringComparison.Ordinal);

    public void Map(WebApplication app) => app.MapPost("/" + PathPrefix + "{webhookKey}", (RequestDelegate)HandleAsync);

    private async Task HandleAsync(HttpContext http)
    {
        var key = http.Request.RouteValues["webhookKey"] as string ?? string.Empty;
        bool known;
        lock (context.Organisation.Gate)
        {
            known = context.Organisation.Webhooks.Values.Any(w => w["webhookKey"]?.GetValue<string>() == key);
        }

        if (!known)
        {
            await PortPipeline.WriteErrorAsync(http, PortApiError.NotFound("No webhook has this ingest URL"));
            return;
        }

        var body = await ReadAsync(http.Request);
        if (body is null)
        {
            await PortPipeline.WriteErrorAsync(http, new PortApiError(413, "request_entity_too_large", $"Webhook payload exceeds the {MaxBodyBytes / 1024} KiB limit"));
            return;
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var ingest = new IngestEvent(key, Guid.NewGuid().ToString(), body, headers, query, Stopwatch.GetTimestamp());
        Enqueue(ingest);
        http.Response.StatusCode = StatusCodes.Status202Accepted;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(new JsonObject { ["ok"] = true }.ToJsonString(), http.RequestAborted);
    }

    private void Enqueue(IngestEvent ingest)
    {
        lock (_gate)
        {
            if (_queues.TryGetValue(ingest.WebhookKey, out var queue))
            {
                queue.Enqueue(ingest);
                return;
            }

            _queues[ingest.WebhookKey] = new Queue<IngestEvent>([ingest]);
        }

        background.Start(() => DrainAsync(ingest.WebhookKey));
    }

    /// <summary>Processes the webhook's queue until it is empty; the queue's presence marks a drainer running.</summary>
    private Task DrainAsync(string key)
    {
        while (true)
        {
            IngestEvent next;
            lock (_gate)
            {
                var queue = _queues[key];
                if (queue.Count == 0)
                {
                    _queues.Remove(key);
                    return Task.CompletedTask;
                }

                next = queue.Peek();
            }

            processor.Process(next);
            lock (_gate)
            {
                _queues[key].Dequeue();
            }
        }
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
