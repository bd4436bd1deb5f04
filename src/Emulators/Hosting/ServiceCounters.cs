using System.Collections.Concurrent;

namespace Emulators.Hosting;

/// <summary>Requests one emulated service received (faulted ones included), split into reads and writes and by route group.</summary>
public sealed class ServiceCounters
{
    private readonly ConcurrentDictionary<string, long> _byGroup = new(StringComparer.Ordinal);
    private long _reads;
    private long _writes;

    public long Reads => Interlocked.Read(ref _reads);
    public long Writes => Interlocked.Read(ref _writes);
    public long Total => Reads + Writes;

    /// <summary>Requests of one route group (see <see cref="Faults.FaultSpec.GroupsByService"/>).</summary>
    public long InGroup(string group) => _byGroup.GetValueOrDefault(group);

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
        _byGroup.Clear();
    }

    internal void Count(RequestClass request)
    {
        Interlocked.Increment(ref request.IsRead ? ref _reads : ref _writes);
        if (request.Group is not null)
        {
            _byGroup.AddOrUpdate(request.Group, 1, (_, n) => n + 1);
        }
    }
}
