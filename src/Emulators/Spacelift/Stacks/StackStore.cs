namespace Emulators.Spacelift.Stacks;

/// <summary>
/// The account's stacks, in creation order. Each stack keeps the sequence number it was added with:
/// search cursors point at that number, so a cursor stays valid while stacks are added or removed.
/// Thread-safe; tests add, change and remove stacks while clients read.
/// </summary>
public sealed class StackStore
{
    private readonly Lock _gate = new();
    private readonly SortedList<long, EmulatedStack> _bySequence = [];
    private readonly Dictionary<string, long> _sequenceById = new(StringComparer.Ordinal);
    private long _nextSequence;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _bySequence.Count;
            }
        }
    }

    /// <summary>A snapshot of every stack with its sequence number, in creation order.</summary>
    public IReadOnlyList<SequencedStack> Snapshot()
    {
        lock (_gate)
        {
            return _bySequence.Select(pair => new SequencedStack(pair.Key, pair.Value)).ToArray();
        }
    }

    public IReadOnlyList<EmulatedStack> All() => Snapshot().Select(s => s.Stack).ToArray();

    public EmulatedStack? Find(string id)
    {
        lock (_gate)
        {
            return _sequenceById.TryGetValue(id, out var sequence) ? _bySequence[sequence] : null;
        }
    }

    /// <summary>The id Spacelift would give a new stack called <paramref name="name"/> in this account.</summary>
    public string NewId(string name)
    {
        lock (_gate)
        {
            return Slug.MakeUnique(name, _sequenceById.ContainsKey);
        }
    }

    public EmulatedStack Add(EmulatedStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        lock (_gate)
        {
            if (_sequenceById.ContainsKey(stack.Id))
            {
                throw new InvalidOperationException($"A stack with id '{stack.Id}' already exists.");
            }

            var sequence = _nextSequence++;
            _sequenceById[stack.Id] = sequence;
            _bySequence[sequence] = stack;
            return stack;
        }
    }

    /// <summary>Replaces a stack; its id is immutable, as in Spacelift.</summary>
    public EmulatedStack Update(string id, Func<EmulatedStack, EmulatedStack> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_sequenceById.TryGetValue(id, out var sequence))
            {
                throw new KeyNotFoundException($"No stack with id '{id}'.");
            }

            var changed = change(_bySequence[sequence]);
            if (!string.Equals(changed.Id, id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A stack id is immutable ('{id}' cannot become '{changed.Id}').");
            }

            _bySequence[sequence] = changed;
            return changed;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_sequenceById.Remove(id, out var sequence))
            {
                return false;
            }

            _bySequence.Remove(sequence);
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sequenceById.Clear();
            _bySequence.Clear();
        }
    }
}
