using System.Text.Json.Nodes;

namespace Emulators.Port.Entities;

/// <summary>
/// One blueprint's entities: lookup by identifier plus a stable insertion order (a sequence number that
/// survives replace and rename), so a paging cursor is "the last sequence returned" and a page costs
/// O(log n + page) rather than a scan from the start.
/// </summary>
internal sealed class EntityCollection
{
    private readonly Dictionary<string, Stored> _byId = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, Stored> _bySequence = [];
    private readonly SortedSet<long> _sequences = [];
    private long _nextSequence;

    private sealed class Stored(long sequence, JsonObject entity)
    {
        public long Sequence { get; } = sequence;

        public JsonObject Entity { get; set; } = entity;
    }

    public int Count => _byId.Count;

    public bool Contains(string identifier) => _byId.ContainsKey(identifier);

    public JsonObject? Find(string identifier) => _byId.TryGetValue(identifier, out var stored) ? stored.Entity : null;

    public IEnumerable<JsonObject> All => _bySequence.Values.Select(stored => stored.Entity);

    /// <summary>Adds a new entity or replaces an existing one in place (keeping its position).</summary>
    public void Put(string identifier, JsonObject entity)
    {
        if (_byId.TryGetValue(identifier, out var stored))
        {
            stored.Entity = entity;
            return;
        }

        stored = new Stored(_nextSequence++, entity);
        _byId[identifier] = stored;
        _bySequence[stored.Sequence] = stored;
        _sequences.Add(stored.Sequence);
    }

    /// <summary>Moves an entity to a new identifier, keeping its position.</summary>
    public void Rename(string from, string to, JsonObject entity)
    {
        var stored = _byId[from];
        _byId.Remove(from);
        stored.Entity = entity;
        _byId[to] = stored;
    }

    public bool Remove(string identifier)
    {
        if (!_byId.Remove(identifier, out var stored))
        {
            return false;
        }

        _bySequence.Remove(stored.Sequence);
        _sequences.Remove(stored.Sequence);
        return true;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> matching entities after the cursor, and the cursor of the next page
    /// (null when nothing matching is left).
    /// </summary>
    public (List<JsonObject> Page, long? Next) Page(long? after, int limit, Func<JsonObject, bool> matches)
    {
        var page = new List<JsonObject>(Math.Min(limit, Count));
        if (after >= _nextSequence)
        {
            return (page, null);
        }

        var start = after is null ? long.MinValue : after.Value + 1;

        foreach (var sequence in _sequences.GetViewBetween(start, long.MaxValue))
        {
            var entity = _bySequence[sequence].Entity;
            if (!matches(entity))
            {
                continue;
            }

            if (page.Count == limit)
            {
                return (page, sequence - 1);
            }

            page.Add(entity);
        }

        return (page, null);
    }
}
