using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Infra.Cli.Port.Entities;
using Infra.Cli.Http;

namespace Infra.Cli.Port;

public sealed partial class PortClient
{
    /// <summary>The largest page the blueprint-scoped search accepts.</summary>
    internal const int SearchPageSize = 1000;

    /// <summary>Ten million entities; past this the paging is assumed broken rather than long.</summary>
    internal const int MaxSearchPages = 10_000;

    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> ListEntitiesAsync(
        string blueprint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blueprint);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? from = null;
        for (var page = 1; page <= MaxSearchPages; page++)
        {
            var query = new JsonObject { ["limit"] = SearchPageSize };
            if (from is not null)
            {
                query["from"] = from;
            }

            var request = new PortRequest(HttpMethod.Post, PortUrls.EntitySearch(blueprint), RequestKind.Read) { Body = JsonWire.ToUtf8(query) };
            var answer = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Before the first up the blueprint does not exist yet: it has no entities, which is no failure.
            if (page == 1 && IsPortNotFound(answer))
            {
                yield break;
            }

            var body = _connection.EnsureSuccess(request, answer);
            yield return Detach(request, answer, body);

            var next = JsonWire.String(body["next"]);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            // A cursor seen before would page forever; a partial listing must not pass for a whole one.
            if (!seen.Add(next))
            {
                throw _connection.Protocol(request, answer, $"Port returned the page cursor \"next\" a second time (page {page})");
            }

            from = next;
        }

        throw new PortProtocolException(HttpStatusCode.OK, $"POST /{PortUrls.Blueprint(blueprint)}/entities/search: more than {MaxSearchPages} pages; the paging never ended");
    }

    public async Task<IReadOnlyList<EntityWriteResult>> UpsertEntitiesAsync(
        string blueprint, IReadOnlyList<JsonObject> entities, IProgress<EntityWriteResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blueprint);
        ArgumentNullException.ThrowIfNull(entities);
        var sink = new EntityResultSink(entities.Count, progress);
        var batches = EntityBatcher.ForUpsert(entities, sink);
        await Parallel.ForEachAsync(batches, InFlight(cancellationToken),
            async (batch, token) => await UpsertBatchAsync(blueprint, batch, sink, token).ConfigureAwait(false)).ConfigureAwait(false);
        return sink.Results;
    }

    public async Task<IReadOnlyList<EntityWriteResult>> DeleteEntitiesAsync(
        string blueprint, IReadOnlyList<string> identifiers, IProgress<EntityWriteResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blueprint);
        ArgumentNullException.ThrowIfNull(identifiers);
        var sink = new EntityResultSink(identifiers.Count, progress);
        await Parallel.ForEachAsync(EntityBatcher.ForDelete(identifiers), InFlight(cancellationToken),
            async (batch, token) => await DeleteBatchAsync(blueprint, batch, sink, token).ConfigureAwait(false)).ConfigureAwait(false);
        return sink.Results;
    }

    private ParallelOptions InFlight(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken };

    private List<JsonObject> Detach(PortRequest request, PortAnswer answer, JsonObject body)
    {
        if (body["entities"] is not JsonArray items)
        {
            throw _connection.Protocol(request, answer, "Port's answer has no \"entities\" array");
        }

        var entities = new List<JsonObject>(items.Count);
        foreach (var item in items)
        {
            entities.Add(item as JsonObject ?? throw _connection.Protocol(request, answer, "Port's answer lists an entity that is not an object"));
        }

        // Clearing the array frees each entity of its parent, so callers can put it in other JSON.
        items.Clear();
        return entities;
    }

    private async Task UpsertBatchAsync(string blueprint, IReadOnlyList<BatchEntity> batch, EntityResultSink sink, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Post, PortUrls.EntityBulkUpsert(blueprint), RequestKind.Write) { Body = EntityBatcher.UpsertBody(batch) };
        PortAnswer answer;
        try
        {
            answer = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (PortUnreachableException exception)
        {
            sink.FailAll(batch, exception);
            return;
        }

        if (answer.Status == HttpStatusCode.RequestEntityTooLarge && batch.Count > 1)
        {
            // Port measures differently than we do (or lowered its limit): halve until it fits.
            Statistics.CountBatchSplit();
            var half = batch.Count / 2;
            await UpsertBatchAsync(blueprint, batch.Take(half).ToArray(), sink, cancellationToken).ConfigureAwait(false);
            await UpsertBatchAsync(blueprint, batch.Skip(half).ToArray(), sink, cancellationToken).ConfigureAwait(false);
            return;
        }

        // 200 and 207 carry a result per entity; so may a failure status, when Port rejected each entity.
        if (answer.Body is { } body && (answer.IsSuccess || body["errors"] is JsonArray))
        {
            MapBulkResults(request, answer, body, batch, sink);
            return;
        }

        var failure = answer.IsSuccess
            ? _connection.Protocol(request, answer, "Port's bulk answer is not a JSON object")
            : _connection.Failure(request, answer);
        FailBatch(batch, sink, failure);
    }

    private async Task DeleteBatchAsync(string blueprint, IReadOnlyList<BatchEntity> batch, EntityResultSink sink, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Post, PortUrls.EntityBulkDelete(blueprint), RequestKind.Write)
        {
            Body = EntityBatcher.DeleteBody(batch),
            DoneIfLanded = HttpStatusCode.NotFound,
        };
        PortAnswer answer;
        JsonObject body;
        try
        {
            answer = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = _connection.EnsureSuccess(request, answer);
        }
        catch (PortApiException exception) when (exception is not PortAuthenticationException)
        {
            sink.FailAll(batch, exception);
            return;
        }

        if (answer.AcceptedAfterRetry)
        {
            foreach (var entity in batch)
            {
                sink.Report(entity, new EntityWriteResult(entity.Identifier, true, (int)HttpStatusCode.OK));
            }

            return;
        }

        if (body["deletedEntities"] is not JsonArray deleted)
        {
            sink.FailAll(batch, _connection.Protocol(request, answer, "Port's answer has no \"deletedEntities\" array"));
            return;
        }

        var deletedIds = deleted.Select(JsonWire.String).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var entity in batch)
        {
            // Bulk delete is all or nothing; when an earlier attempt may have landed, an entity missing
            // from this answer was deleted by that attempt, not left behind.
            var result = deletedIds.Contains(entity.Identifier) || answer.MayHaveLanded
                ? new EntityWriteResult(entity.Identifier, true, (int)answer.Status)
                : new EntityWriteResult(entity.Identifier, false, (int)answer.Status, "not_deleted",
                    $"{request}: Port's answer does not list this entity as deleted");
            sink.Report(entity, result);
        }
    }

    private void MapBulkResults(PortRequest request, PortAnswer answer, JsonObject body, IReadOnlyList<BatchEntity> batch, EntityResultSink sink)
    {
        var written = body["entities"] as JsonArray;
        var errors = body["errors"] as JsonArray;
        if (written is null && errors is null)
        {
            FailBatch(batch, sink, _connection.Protocol(request, answer, "Port's bulk answer has neither \"entities\" nor \"errors\""));
            return;
        }

        foreach (var item in written ?? [])
        {
            if (At(batch, item) is { } entity)
            {
                var created = JsonWire.Boolean(item!["created"]) == true;
                sink.Report(entity, new EntityWriteResult(Identify(entity, item!), true, created ? 201 : 200));
            }
        }

        foreach (var item in errors ?? [])
        {
            if (At(batch, item) is { } entity)
            {
                var error = JsonWire.String(item!["error"]) ?? "unknown";
                var status = JsonWire.Number(item["statusCode"]) is { } code ? (int)code : (int)answer.Status;
                var message = _connection.Scrub(request, JsonWire.String(item["message"]) ?? error);
                sink.Report(entity, new EntityWriteResult(Identify(entity, item), false, status, error, message));
            }
        }

        foreach (var entity in batch.Where(entity => !sink.HasResult(entity)))
        {
            sink.Report(entity, new EntityWriteResult(entity.Identifier, false, (int)answer.Status, "missing_result",
                $"{request}: Port's answer has no result for this entity (HTTP {(int)answer.Status})"));
        }
    }

    /// <summary>A refusal of our credentials stops the whole write; any other batch failure fails only its entities.</summary>
    private static void FailBatch(IReadOnlyList<BatchEntity> batch, EntityResultSink sink, PortApiException failure)
    {
        if (failure is PortAuthenticationException)
        {
            throw failure;
        }

        sink.FailAll(batch, failure);
    }

    /// <summary>The batch entity a bulk result names by <c>index</c>; null for an index outside the batch.</summary>
    private static BatchEntity? At(IReadOnlyList<BatchEntity> batch, JsonNode? result) =>
        JsonWire.Number(result?["index"]) is { } index && index >= 0 && index < batch.Count && index == Math.Floor(index)
            ? batch[(int)index]
            : null;

    /// <summary>Our identifier; Port's when the entity was sent without one (Port generates it).</summary>
    private static string Identify(BatchEntity entity, JsonNode result) =>
        entity.Identifier.Length > 0 ? entity.Identifier : JsonWire.String(result["identifier"]) ?? "";
}
