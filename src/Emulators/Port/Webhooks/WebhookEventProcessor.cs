using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Entities;
using Emulators.Port.Http;

namespace Emulators.Port.Webhooks;

/// <summary>
/// Applies one ingested event: drops it when the webhook is disabled, refuses it on a bad or missing
/// signature, then runs each mapping (<c>filter</c>, identifier, entity) over <c>{body, headers,
/// queryParams}</c>. A write merges into an existing entity (only the mapped fields change) or creates one;
/// a search identifier must match exactly one entity and never creates. Every outcome is an audit entry.
/// </summary>
internal sealed class WebhookEventProcessor(PortContext context, Action<WebhookEventOutcome>? processed)
{
    private Organisation Organisation => context.Organisation;

    /// <summary>Never throws: whatever goes wrong becomes an audit FAILURE, so the webhook's queue keeps moving.</summary>
    public void Process(IngestEvent ingest)
    {
        var results = new List<WebhookEventResult>();
        var writes = new List<EntityWrite>();
        string webhookId = string.Empty;
        JsonNode? body = null;
        try
        {
            lock (Organisation.Gate)
            {
                var webhook = Organisation.Webhooks.Values.FirstOrDefault(w => w["webhookKey"]?.GetValue<string>() == ingest.WebhookKey);
                if (webhook is null)
                {
                    return; // Deleted after the event was accepted: nothing to apply it to, nobody to report to.
                }

                webhookId = webhook["identifier"]!.GetValue<string>();
                body = Apply(webhook, ingest, results, writes);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            results.Add(new WebhookEventResult(false, $"internal error: {e.Message}", null, null));
        }

        if (writes.Count > 0)
        {
            context.Changed();
        }

        foreach (var write in writes)
        {
            context.Automations.EntityChanged(write.Blueprint, write.Before, write.Entity, 0);
        }

        var at = context.Options.Time.GetUtcNow();
        foreach (var result in results)
        {
            Organisation.Audit.Add(new AuditEntry(
                Guid.NewGuid().ToString(), at, webhookId, ingest.EventId, result.Success, result.Message,
                result.Entity is null ? null : writes.Any(w => w.Identifier == result.Entity && w.Created) ? "CREATE" : "UPDATE",
                result.Blueprint, result.Entity));
        }

        processed?.Invoke(new WebhookEventOutcome(webhookId, body, results, ingest.ReceivedTimestamp, Stopwatch.GetTimestamp()));
    }

    private JsonNode? Apply(JsonObject webhook, IngestEvent ingest, List<WebhookEventResult> results, List<EntityWrite> writes)
    {
        if (webhook["enabled"]?.GetValue<bool>() != true)
        {
            results.Add(new(false, "webhook is disabled: event dropped", null, null));
            return null;
        }

        if (SignatureCheck.Problem(webhook, ingest.Body, ingest.Headers) is { } problem)
        {
            results.Add(new(false, problem, null, null));
            return null;
        }

        JsonNode? body;
        try
        {
            body = ingest.Body.Length == 0 ? null : JsonNode.Parse(ingest.Body);
        }
        catch (JsonException e)
        {
            results.Add(new(false, $"body is not JSON: {e.Message}", null, null));
            return null;
        }

        var input = new JsonObject
        {
            ["body"] = body?.DeepClone(),
            ["headers"] = new JsonObject([.. ingest.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
            ["queryParams"] = new JsonObject([.. ingest.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))]),
        };
        var mappings = webhook["mappings"]?.AsArray() ?? [];
        var matched = 0;
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i]!.AsObject();
            var blueprint = mapping["blueprint"]!.GetValue<string>();
            try
            {
                if (mapping["filter"]?.GetValue<string>() is { } filter && !JsonValues.IsTruthy(JqExpression.Parse(filter, JqSyntax.PortMapping).Evaluate(input)))
                {
                    continue;
                }

                matched++;
                var write = ApplyMapping(mapping, blueprint, input);
                writes.Add(write);
                results.Add(new(true, $"mapping {i}: entity '{write.Identifier}' {(write.Created ? "created" : "updated")}", blueprint, write.Identifier));
            }
            catch (Exception e) when (e is JqException or PortApiError or InvalidOperationException)
            {
                results.Add(new(false, $"mapping {i}: {e.Message}", blueprint, null));
            }
        }

        if (matched == 0)
        {
            results.Add(new(false, "no mapping's filter matched the event", null, null));
        }

        return body;
    }

    private EntityWrite ApplyMapping(JsonObject mapping, string blueprintId, JsonObject input)
    {
        if (!Organisation.Blueprints.TryGetValue(blueprintId, out var blueprint))
        {
            throw PortApiError.NotFound($"blueprint '{blueprintId}' was not found");
        }

        var entity = mapping["entity"]!.AsObject();
        var identifier = ResolveIdentifier(entity["identifier"]!, blueprint, input);
        var write = new JsonObject { ["identifier"] = identifier };
        foreach (var field in new[] { "title", "icon", "team" })
        {
            if (entity[field]?.GetValue<string>() is { } expression)
            {
                write[field] = JqExpression.Parse(expression, JqSyntax.PortMapping).Evaluate(input)?.DeepClone();
            }
        }

        foreach (var field in new[] { "properties", "relations" })
        {
            if (entity[field] is JsonObject map)
            {
                write[field] = new JsonObject([.. map.Select(p => KeyValuePair.Create(p.Key, JqExpression.Parse(p.Value!.GetValue<string>(), JqSyntax.PortMapping).Evaluate(input)?.DeepClone()))]);
            }
        }

        return context.EntityWriter.Write(blueprint, write, EntityWriteMode.Merge, null, strict: false, createMissingRelated: false, validationOnly: false);
    }

    private static string ResolveIdentifier(JsonNode identifier, Blueprints.BlueprintRecord blueprint, JsonObject input)
    {
        if (identifier is JsonObject query)
        {
            var search = SearchIdentifier.Parse(query, "identifier").Render(input);
            var predicate = EntityQuery.Compile(search, "identifier");
            var hits = blueprint.Entities.All.Where(predicate).Take(2).ToList();
            return hits.Count switch
            {
                0 => throw new PortApiError(404, "not_found", $"search returned no entity ({search.ToJsonString()}); a search identifier never creates one"),
                1 => hits[0]["identifier"]!.GetValue<string>(),
                _ => throw new PortApiError(422, "invalid_request", $"search returned more than one entity ({search.ToJsonString()}); it must return exactly one"),
            };
        }

        var value = JqExpression.Parse(identifier.GetValue<string>(), JqSyntax.PortMapping).Evaluate(input);
        return value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw PortApiError.Invalid($"identifier evaluated to {(value is null ? "null" : value.ToJsonString())}, not a string");
    }
}
