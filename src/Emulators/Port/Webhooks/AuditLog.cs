namespace Emulators.Port.Webhooks;

/// <summary>
/// What the webhook ingest did with each event, newest last, as <c>GET /v1/audit-log</c> serves it. Bounded
/// (the oldest entries go first) and kept in memory only: Port keeps its audit log apart from the catalogue.
/// </summary>
internal sealed class AuditLog
{
    public const int Capacity = 50_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<AuditEntry> _entries = new();

    public void Add(AuditEntry entry)
    {
        lock (_gate)
        {
            _entries.AddLast(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    /// <summary>Entries that pass every given filter (a logical AND, as the route documents), newest first.</summary>
    public IReadOnlyList<AuditEntry> Query(AuditQuery query)
    {
        lock (_gate)
        {
            var matches = new List<AuditEntry>();
            for (var node = _entries.Last; node is not null && matches.Count < query.Limit; node = node.Previous)
            {
                if (query.Matches(node.Value))
                {
                    matches.Add(node.Value);
                }
            }

            return matches;
        }
    }
}
