using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// Thread-safe records keyed by an id that is the slug of their name (as Spacelift derives named webhook
/// and policy ids); a second record whose name gives the same id is refused.
/// </summary>
public sealed class NamedStore<T>(string what, Func<T, string> idOf)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);

    /// <summary>Raised after every add, update and remove (outside the lock).</summary>
    public event Action? Changed;

    public T? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<T> All()
    {
        lock (_gate)
        {
            return [.. _byId.Values];
        }
    }

    /// <summary>The id a new record named <paramref name="name"/> gets.</summary>
    public static string IdFor(string name) => Slug.Make(name);

    /// <exception cref="InvalidOperationException">The id is taken; the message says so.</exception>
    public T Add(T record)
    {
        lock (_gate)
        {
            var id = idOf(record);
            if (!_byId.TryAdd(id, record))
            {
                throw new InvalidOperationException($"{what} with id '{id}' already exists");
            }
        }

        Changed?.Invoke();
        return record;
    }

    /// <summary>Replaces the record through <paramref name="change"/>; null when the id is unknown.</summary>
    public T? Update(string id, Func<T, T> change)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current))
            {
                return null;
            }

            var next = change(current);
            _byId[id] = next;
            Changed?.Invoke();
            return next;
        }
    }

    public T? Remove(string id)
    {
        T? removed;
        lock (_gate)
        {
            if (!_byId.Remove(id, out removed))
            {
                return null;
            }
        }

        Changed?.Invoke();
        return removed;
    }
}
