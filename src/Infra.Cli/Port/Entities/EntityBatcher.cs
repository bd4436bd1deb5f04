using System.Text;
using System.Text.Json.Nodes;
using Infra.Cli.Http;

namespace Infra.Cli.Port.Entities;

/// <summary>Cuts entity lists into the batches Port's bulk routes accept.</summary>
internal static class EntityBatcher
{
    /// <summary>Port's bulk upsert takes 1..20 entities.</summary>
    public const int MaxUpsertEntities = 20;

    /// <summary>Port's bulk delete takes 1..100 identifiers.</summary>
    public const int MaxDeleteEntities = 100;

    /// <summary>Port refuses request bodies over 1 MiB with 413.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"entities\":[");
    private static readonly byte[] Suffix = Encoding.UTF8.GetBytes("]}");

    /// <summary>
    /// Serialises each entity once (here, on the caller's thread) and groups them greedily into
    /// batches of at most 20 entities whose whole body stays within 1 MiB, measured in bytes.
    /// An entity too large to fit any body is reported failed instead of being sent.
    /// </summary>
    public static List<IReadOnlyList<BatchEntity>> ForUpsert(IReadOnlyList<JsonObject> entities, EntityResultSink sink)
    {
        var batches = new List<IReadOnlyList<BatchEntity>>();
        var current = new List<BatchEntity>();
        var currentBytes = Prefix.Length + Suffix.Length;
        for (var position = 0; position < entities.Count; position++)
        {
            var entity = entities[position] ?? throw new ArgumentException($"Entity {position} is null.", nameof(entities));
            var item = new BatchEntity(position, JsonWire.String(entity["identifier"]) ?? "", JsonWire.ToUtf8(entity));
            if (Prefix.Length + item.Json.Length + Suffix.Length > MaxBodyBytes)
            {
                sink.Report(item, new EntityWriteResult(
                    item.Identifier, false, 413, "request_too_large",
                    $"the entity is {item.Json.Length} bytes; Port accepts at most {MaxBodyBytes} bytes per request"));
                continue;
            }

            var separator = current.Count == 0 ? 0 : 1;
            if (current.Count == MaxUpsertEntities || currentBytes + separator + item.Json.Length > MaxBodyBytes)
            {
                batches.Add(current);
                current = [];
                currentBytes = Prefix.Length + Suffix.Length;
                separator = 0;
            }

            current.Add(item);
            currentBytes += separator + item.Json.Length;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    public static IReadOnlyList<BatchEntity>[] ForDelete(IReadOnlyList<string> identifiers)
    {
        var items = new BatchEntity[identifiers.Count];
        for (var position = 0; position < identifiers.Count; position++)
        {
            var identifier = identifiers[position];
            if (string.IsNullOrEmpty(identifier))
            {
                throw new ArgumentException($"Identifier {position} is empty.", nameof(identifiers));
            }

            items[position] = new BatchEntity(position, identifier, []);
        }

        return items.Chunk(MaxDeleteEntities).Select(chunk => (IReadOnlyList<BatchEntity>)chunk).ToArray();
    }

    /// <summary><c>{"entities":[...]}</c> from the already serialised entities, without serialising them again.</summary>
    public static byte[] UpsertBody(IReadOnlyList<BatchEntity> batch)
    {
        var length = Prefix.Length + Suffix.Length + batch.Sum(item => item.Json.Length) + Math.Max(0, batch.Count - 1);
        var body = new byte[length];
        Prefix.CopyTo(body, 0);
        var offset = Prefix.Length;
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                body[offset++] = (byte)',';
            }

            batch[i].Json.CopyTo(body, offset);
            offset += batch[i].Json.Length;
        }

        Suffix.CopyTo(body, offset);
        return body;
    }

    public static byte[] DeleteBody(IReadOnlyList<BatchEntity> batch) =>
        JsonWire.ToUtf8(new JsonObject { ["entities"] = new JsonArray(batch.Select(item => (JsonNode?)JsonValue.Create(item.Identifier)).ToArray()) });
}
